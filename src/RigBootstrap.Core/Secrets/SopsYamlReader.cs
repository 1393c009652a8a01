using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Reads a SOPS YAML file with YamlDotNet's <see cref="YamlStream"/> (its reflection-based deserializer would not
/// survive trimming). Every document's mapping is read in order; the metadata is the first document's `sops` key.
/// </summary>
public static class SopsYamlReader
{
    private const int MaxDepth = 64;

    // Aliases are expanded where they are used, so a few lines could otherwise unfold into millions of values.
    private const int MaxLeaves = 100_000;

    public static SopsDocument Read(string filePath, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SopsException(SopsErrorKind.Malformed, filePath,
                $"is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {ex.Message}", ex);
        }

        var leaves = ImmutableArray.CreateBuilder<SopsLeaf>();
        Dictionary<string, string>? metadata = null;
        foreach (var document in stream.Documents)
        {
            switch (document.RootNode)
            {
                case YamlMappingNode mapping:
                    foreach (var (keyNode, value) in mapping.Children)
                    {
                        var key = Key(filePath, keyNode, []);
                        if (key == "sops")
                        {
                            metadata ??= Flatten(filePath, value);
                            continue;
                        }

                        Walk(filePath, value, [key], [key], leaves, depth: 1);
                    }

                    break;
                case YamlScalarNode scalar when YamlScalarResolver.Resolve(scalar) is null:
                    break;
                default:
                    throw new SopsException(SopsErrorKind.Malformed, filePath, "must hold a mapping at the top of every YAML document");
            }
        }

        return new SopsDocument
        {
            FilePath = filePath,
            Format = SopsFormat.Yaml,
            Leaves = leaves.ToImmutable(),
            Metadata = SopsMetadataReader.Read(filePath, metadata ?? []),
        };
    }

    private static void Walk(string filePath, YamlNode node, ImmutableArray<string> keyPath, ImmutableArray<string> namePath, ImmutableArray<SopsLeaf>.Builder leaves, int depth)
    {
        if (depth > MaxDepth || leaves.Count > MaxLeaves)
        {
            throw new SopsException(SopsErrorKind.Malformed, filePath, $"nests deeper than {MaxDepth} levels or holds more than {MaxLeaves} values");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = Key(filePath, keyNode, keyPath);
                    Walk(filePath, value, keyPath.Add(key), namePath.Add(key), leaves, depth + 1);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(filePath, sequence.Children[i], keyPath, namePath.Add(i.ToString(CultureInfo.InvariantCulture)), leaves, depth + 1);
                }

                break;
            case YamlScalarNode scalar when YamlScalarResolver.Resolve(scalar) is { } resolved:
                leaves.Add(new SopsLeaf { KeyPath = keyPath, NamePath = namePath, Kind = resolved.Kind, Text = resolved.Text });
                break;
        }
    }

    // SOPS accepts only string keys (its tree walk rejects the others).
    private static string Key(string filePath, YamlNode keyNode, ImmutableArray<string> parentPath) =>
        keyNode is YamlScalarNode scalar && YamlScalarResolver.Resolve(scalar) is { Kind: SopsScalarKind.String } resolved
            ? resolved.Text
            : throw new SopsException(SopsErrorKind.Malformed, filePath,
                $"has a key that is not a string under '{string.Join('.', parentPath)}' (line {keyNode.Start.Line}); SOPS supports string keys only");

    // The metadata, flattened the way SOPS flattens it for dotenv, so one reader serves every format.
    private static Dictionary<string, string> Flatten(string filePath, YamlNode node)
    {
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        FlattenInto(filePath, node, "", flat, depth: 0);
        return flat;
    }

    private static void FlattenInto(string filePath, YamlNode node, string prefix, Dictionary<string, string> flat, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new SopsException(SopsErrorKind.Malformed, filePath, $"sops metadata nests deeper than {MaxDepth} levels");
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = Key(filePath, keyNode, ["sops"]);
                    FlattenInto(filePath, value, prefix.Length == 0 ? key : prefix + SopsMetadataReader.MapSeparator + key, flat, depth + 1);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    FlattenInto(filePath, sequence.Children[i], prefix + SopsMetadataReader.ListSeparator + i.ToString(CultureInfo.InvariantCulture), flat, depth + 1);
                }

                break;
            case YamlScalarNode scalar when YamlScalarResolver.Resolve(scalar) is { } resolved:
                flat[prefix] = resolved.Kind == SopsScalarKind.String ? resolved.Text : scalar.Value ?? "";
                break;
        }
    }
}
