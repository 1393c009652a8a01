using System.Collections.Immutable;
using System.Text.Json;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>
/// Reads one JSON object of the config by hand: reports unknown and duplicate fields when opened,
/// then hands out typed values, reporting every missing or mistyped one instead of stopping.
/// </summary>
/// <remarks>Getters return <c>null</c> (or the default) when the value is unusable; the error is already recorded.</remarks>
internal sealed class JsonObjectReader
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

    public static JsonObjectReader? Open(
        JsonElement element, string path, ConfigErrorList errors, string fix, ImmutableArray<string> knownFields,
        string noun = "field")
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
            // JsonDocument keeps both copies of a repeated name; which one wins would be a guess.
            var fieldPath = reader.Child(property.Name);
            if (!seen.Add(property.Name))
            {
                errors.Add(fieldPath, $"{fieldPath} is set more than once in the same object; keep only one of them");
            }
            else if (!knownFields.Contains(property.Name))
            {
                errors.Add(fieldPath, $"{fieldPath} is not a known {noun}; {NameSuggestion.Fix(property.Name, knownFields)}");
            }
            else
            {
                reader._fields.Add(property.Name, property.Value);
                reader._fieldNames.Add(property.Name);
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

    public string? RequiredString(string name, string fix, Func<string, string?>? rule = null) =>
        _fields.TryGetValue(name, out var value) ? ReadString(Child(name), value, fix, rule) : Missing<string>(name, fix);

    public string? OptionalString(string name, string fix, Func<string, string?>? rule = null) =>
        _fields.TryGetValue(name, out var value) ? ReadString(Child(name), value, fix, rule) : null;

    /// <summary>Reads a non-empty string and applies <paramref name="rule"/>, which returns the problem or <c>null</c>.</summary>
    public string? ReadString(string path, JsonElement value, string fix, Func<string, string?>? rule = null)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(path, $"{path} must be a string, not {JsonKinds.Describe(value)}; {fix}");
            return null;
        }

        var text = value.GetString()!;
        var problem = text.Length == 0 ? $"is empty; {fix}" : rule?.Invoke(text);
        if (problem is not null)
        {
            Errors.Add(path, $"{path} {problem}");
        }

        return text;
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        if (!_fields.TryGetValue(name, out var value))
        {
            return defaultValue;
        }

        var path = Child(name);
        var fix = $"use a whole number from {min} to {max}, such as {defaultValue}";
        if (value.ValueKind != JsonValueKind.Number)
        {
            Errors.Add(path, $"{path} must be a number, not {JsonKinds.Describe(value)}; {fix}");
            return defaultValue;
        }

        // TryGetInt32 refuses fractions and exponents, so 2.5 and 1e3 land here as well as 0 or 900.
        if (!value.TryGetInt32(out var number) || number < min || number > max)
        {
            Errors.Add(path, $"{path} is {value.GetRawText()}, which is not allowed; {fix}");
            return defaultValue;
        }

        return number;
    }

    public bool Bool(string name, bool defaultValue)
    {
        if (!_fields.TryGetValue(name, out var value))
        {
            return defaultValue;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Report(name, $"must be true or false, not {JsonKinds.Describe(value)}");
        return defaultValue;
    }

    public TimeSpan Duration(string name, TimeSpan defaultValue)
    {
        var text = OptionalString(name, DurationFormat.Fix);
        if (string.IsNullOrEmpty(text))
        {
            return defaultValue;
        }

        if (!DurationFormat.TryParse(text, out var duration))
        {
            Report(name, $"is not a duration (\"{text}\"); {DurationFormat.Fix}");
            return defaultValue;
        }

        if (duration <= TimeSpan.Zero)
        {
            Report(name, $"must be longer than zero; {DurationFormat.Fix}");
            return defaultValue;
        }

        return duration;
    }

    public JsonObjectReader? OptionalObject(string name, string fix, ImmutableArray<string> knownFields, string noun = "field") =>
        _fields.TryGetValue(name, out var value) ? Open(value, Child(name), Errors, fix, knownFields, noun) : null;

    public JsonObjectReader? RequiredObject(string name, string fix, ImmutableArray<string> knownFields) =>
        _fields.TryGetValue(name, out var value) ? Open(value, Child(name), Errors, fix, knownFields) : Missing<JsonObjectReader>(name, fix);

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
