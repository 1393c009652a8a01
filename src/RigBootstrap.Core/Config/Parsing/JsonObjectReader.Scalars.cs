using System.Text.Json;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>The scalar getters: strings with their format rules, whole numbers in a range, booleans, durations.</summary>
internal sealed partial class JsonObjectReader
{
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

        if (!JsonText.TryGetString(value, out var text))
        {
            Errors.Add(path, $"{path} {JsonText.BadEscapeProblem}");
            return null;
        }

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

    public TimeSpan Duration(string name, TimeSpan defaultValue, TimeSpan longest)
    {
        var duration = Duration(name, defaultValue);
        if (duration > longest)
        {
            Report(name, $"is {duration}, longer than the {longest} allowed; use a shorter duration ({DurationFormat.Fix})");
            return defaultValue;
        }

        return duration;
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
}
