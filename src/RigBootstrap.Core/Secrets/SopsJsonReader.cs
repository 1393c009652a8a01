using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Reads a SOPS JSON file with <see cref="JsonDocument"/> (no reflection), keeping document order. As in SOPS,
/// every JSON number is a float (Go's decoder yields float64), and nulls are not values.
/// </summary>
public static class SopsJsonReader
{
    public static SopsDocument Read(string filePath, string text)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            // Not chained: the parser's own message quotes a character of the input.
            throw new SopsException(SopsErrorKind.Malformed, filePath,
                $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SopsException(SopsErrorKind.Malformed, filePath, "must hold a JSON object at the top level");
            }

            var leaves = ImmutableArray.CreateBuilder<SopsLeaf>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name == "sops")
                {
                    Flatten(filePath, property.Value, "", metadata);
                    continue;
                }

                Walk(filePath, property.Value, [property.Name], [property.Name], leaves);
            }

            return new SopsDocument
            {
                FilePath = filePath,
                Format = SopsFormat.Json,
                Leaves = leaves.ToImmutable(),
                Metadata = SopsMetadataReader.Read(filePath, metadata),
            };
        }
    }

    private static void Walk(string filePath, JsonElement value, ImmutableArray<string> keyPath, ImmutableArray<string> namePath, ImmutableArray<SopsLeaf>.Builder leaves)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Walk(filePath, property.Value, keyPath.Add(property.Name), namePath.Add(property.Name), leaves);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(filePath, item, keyPath, namePath.Add((index++).ToString(CultureInfo.InvariantCulture)), leaves);
                }

                break;
            case JsonValueKind.String:
                leaves.Add(Leaf(keyPath, namePath, SopsScalarKind.String, value.GetString()!));
                break;
            case JsonValueKind.Number:
                leaves.Add(Leaf(keyPath, namePath, SopsScalarKind.Float, GoFloatText.Format(Number(filePath, value, keyPath))));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                leaves.Add(Leaf(keyPath, namePath, SopsScalarKind.Boolean, value.ValueKind == JsonValueKind.True ? "true" : "false"));
                break;
        }
    }

    // The metadata, flattened the way SOPS flattens it for dotenv, so one reader serves every format.
    private static void Flatten(string filePath, JsonElement value, string prefix, Dictionary<string, string> flat)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var key = prefix.Length == 0 ? property.Name : prefix + SopsMetadataReader.MapSeparator + property.Name;
                    Flatten(filePath, property.Value, key, flat);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Flatten(filePath, item, prefix + SopsMetadataReader.ListSeparator + (index++).ToString(CultureInfo.InvariantCulture), flat);
                }

                break;
            case JsonValueKind.String:
                flat[prefix] = value.GetString()!;
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                flat[prefix] = value.GetRawText();
                break;
        }
    }

    private static double Number(string filePath, JsonElement value, ImmutableArray<string> keyPath) =>
        value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new SopsException(SopsErrorKind.Malformed, filePath, $"the number at {string.Join('.', keyPath)} is out of range");

    private static SopsLeaf Leaf(ImmutableArray<string> keyPath, ImmutableArray<string> namePath, SopsScalarKind kind, string text) =>
        new() { KeyPath = keyPath, NamePath = namePath, Kind = kind, Text = text };
}
