using System.Text.Json;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>
/// Reads one JSON object of the config by hand: reports unknown and duplicate fields when opened,
/// then hands out typed values, reporting every missing or mistyped one instead of stopping.
/// </summary>
/// <remarks>Getters return <c>null</c> (or the default) when the value is unusable; the error is already recorded.</remarks>
internal sealed partial class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _fieldNames = [];

    private JsonObjectReader(string path, ConfigErrorList errors)
    {
        Path = path;
        Errors = errors;
    }

    /// <summary>The field path of this object, such as <c>steps.xcode</c>; empty for the root.</summary>
    public string Path { get; }

    public ConfigErrorList Errors { get; }

    /// <summary>The known fields present, in document order.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    public static JsonObjectReader? Open(JsonElement element, string path, ConfigErrorList errors, string fix, ConfigObjectShape shape)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, $"{path} must be an object, not {JsonKinds.Describe(element)}; {fix}");
            return null;
        }

        var reader = new JsonObjectReader(path, errors);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!JsonText.TryGetName(property, out var name))
            {
                errors.Add(path, $"{(path.Length == 0 ? "the root object" : path)} has a field name that {JsonText.BadEscapeProblem}");
                continue;
            }

            // JsonDocument keeps both copies of a repeated name; which one wins would be a guess.
            var fieldPath = reader.Child(name);
            if (!seen.Add(name))
            {
                errors.Add(fieldPath, $"{fieldPath} is set more than once in the same object; keep only one of them");
            }
            else if (!shape.Fields.Contains(name))
            {
                errors.Add(fieldPath, $"{fieldPath} is not a known {shape.Noun}; {NameSuggestion.Fix(name, shape.Fields)}");
            }
            else
            {
                reader._fields.Add(name, property.Value);
                reader._fieldNames.Add(name);
            }
        }

        return reader;
    }

    public string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>True when the field is absent or is an empty object or array.</summary>
    public bool IsAbsentOrEmpty(string name) => !_fields.TryGetValue(name, out var value) || value.ValueKind switch
    {
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    /// <summary>Records a problem with a field; <paramref name="problem"/> continues the sentence after the path.</summary>
    public void Report(string name, string problem) => Errors.Add(Child(name), $"{Child(name)} {problem}");

    public JsonObjectReader? OptionalObject(string name, string fix, ConfigObjectShape shape) =>
        _fields.TryGetValue(name, out var value) ? Open(value, Child(name), Errors, fix, shape) : null;

    public JsonObjectReader? RequiredObject(string name, string fix, ConfigObjectShape shape) =>
        _fields.TryGetValue(name, out var value) ? Open(value, Child(name), Errors, fix, shape) : Missing<JsonObjectReader>(name, fix);

    public JsonElement[]? OptionalArray(string name, string fix) =>
        _fields.TryGetValue(name, out var value) ? ReadArray(name, value, fix) : null;

    public JsonElement[]? RequiredArray(string name, string fix) =>
        _fields.TryGetValue(name, out var value) ? ReadArray(name, value, fix) : Missing<JsonElement[]>(name, fix);

    private JsonElement[]? ReadArray(string name, JsonElement value, string fix)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return [.. value.EnumerateArray()];
        }

        Report(name, $"must be an array, not {JsonKinds.Describe(value)}; {fix}");
        return null;
    }

    private T? Missing<T>(string name, string fix)
        where T : class
    {
        Report(name, $"is missing; {fix}");
        return null;
    }
}
