using System.Collections.Immutable;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Reads a SOPS dotenv file: one `KEY=value` per line, `#` comment lines, `\n` standing for a newline, and the
/// metadata in `sops_*` keys flattened with `__map_`/`__list_` (as SOPS's dotenv store writes it).
/// </summary>
public static class SopsDotenvReader
{
    private const string MetadataPrefix = "sops_";

    public static SopsDocument Read(string filePath, string text)
    {
        var leaves = ImmutableArray.CreateBuilder<SopsLeaf>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            // Comments are not values: SOPS leaves them out of the MAC, and they have no place in the env file.
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw new SopsException(SopsErrorKind.Malformed, filePath,
                    $"line {lineNumber} is not KEY=value; a SOPS dotenv file has one KEY=value per line");
            }

            var key = line[..equals];
            var value = line[(equals + 1)..].Replace("\\n", "\n", StringComparison.Ordinal);
            if (key.StartsWith(MetadataPrefix, StringComparison.Ordinal))
            {
                metadata[key[MetadataPrefix.Length..]] = value;
                continue;
            }

            leaves.Add(new SopsLeaf { KeyPath = [key], NamePath = [key], Kind = SopsScalarKind.String, Text = value });
        }

        return new SopsDocument
        {
            FilePath = filePath,
            Format = SopsFormat.Dotenv,
            Leaves = leaves.ToImmutable(),
            Metadata = SopsMetadataReader.Read(filePath, metadata),
        };
    }
}
