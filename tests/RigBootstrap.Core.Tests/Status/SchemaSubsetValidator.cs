using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Tests.Status;

/// <summary>
/// Validates JSON against the subset of JSON Schema (2020-12) that docs/state-file.schema.json uses: type (a name
/// or an array of names), required, properties, additionalProperties, items, enum, const, minimum and format
/// date-time. Any other keyword throws, so the schema cannot lean on a rule this validator would silently skip.
/// </summary>
public static partial class SchemaSubsetValidator
{
    /// <summary>Every violation, each as "path: what is wrong"; empty when the instance is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonElement schema, JsonElement instance)
    {
        var errors = new List<string>();
        Check(schema, instance, "$", errors);
        return errors;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            if (schema.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: no value is allowed here");
            }

            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var rule = keyword.Value;
            switch (keyword.Name)
            {
                case "$schema" or "$id" or "title" or "description":
                    break;
                case "type":
                    var types = rule.ValueKind == JsonValueKind.Array ? rule.EnumerateArray().Select(t => t.GetString()!).ToList() : [rule.GetString()!];
                    if (!types.Any(t => IsOfType(value, t)))
                    {
                        errors.Add($"{path}: is {value.ValueKind}, not {string.Join(" or ", types)}");
                    }

                    break;
                case "required" when value.ValueKind == JsonValueKind.Object:
                    errors.AddRange(rule.EnumerateArray().Select(r => r.GetString()!).Where(name => !value.TryGetProperty(name, out _)).Select(name => $"{path}: '{name}' is required"));
                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    foreach (var property in rule.EnumerateObject().Where(p => value.TryGetProperty(p.Name, out _)))
                    {
                        Check(property.Value, value.GetProperty(property.Name), $"{path}.{property.Name}", errors);
                    }

                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object:
                    var declared = schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                    foreach (var extra in value.EnumerateObject().Where(p => !declared.Contains(p.Name)))
                    {
                        if (rule.ValueKind == JsonValueKind.False)
                        {
                            errors.Add($"{path}: '{extra.Name}' is not a property the schema allows");
                        }
                        else
                        {
                            Check(rule, extra.Value, $"{path}.{extra.Name}", errors);
                        }
                    }

                    break;
                case "items" when value.ValueKind == JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(rule, item, $"{path}[{index++}]", errors);
                    }

                    break;
                case "enum":
                    if (!rule.EnumerateArray().Any(allowed => JsonElement.DeepEquals(allowed, value)))
                    {
                        errors.Add($"{path}: {value.GetRawText()} is not one of {rule.GetRawText()}");
                    }

                    break;
                case "const":
                    if (!JsonElement.DeepEquals(rule, value))
                    {
                        errors.Add($"{path}: {value.GetRawText()} is not {rule.GetRawText()}");
                    }

                    break;
                case "minimum" when value.ValueKind == JsonValueKind.Number:
                    if (value.GetDecimal() < rule.GetDecimal())
                    {
                        errors.Add($"{path}: {value.GetRawText()} is below the minimum {rule.GetRawText()}");
                    }

                    break;
                case "format" when rule.GetString() != "date-time":
                    throw new NotSupportedException($"{path}: format '{rule.GetString()}' is not in the subset this validator knows");
                case "format" when value.ValueKind == JsonValueKind.String:
                    if (!IsDateTime(value.GetString()!))
                    {
                        errors.Add($"{path}: '{value.GetString()}' is not an RFC 3339 date-time");
                    }

                    break;
                case "required" or "properties" or "additionalProperties" or "items" or "minimum" or "format":
                    // These keywords only constrain values of their own kind; `type` rejects the others.
                    break;
                default:
                    throw new NotSupportedException($"{path}: keyword '{keyword.Name}' is not in the subset this validator knows");
            }
        }
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && decimal.Truncate(number) == number,
        _ => throw new NotSupportedException($"type '{type}' is not a JSON Schema type"),
    };

    private static bool IsDateTime(string text) =>
        DateTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})\z")]
    private static partial Regex DateTime();
}
