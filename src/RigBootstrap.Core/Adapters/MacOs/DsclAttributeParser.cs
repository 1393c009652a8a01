using System.Collections.Immutable;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Parses `dscl . -read /Users/&lt;user&gt; &lt;attribute&gt;`: `Attribute: v1 v2 …` on one line, or the name alone
/// followed by indented lines (dscl's form when a value holds a space); values are separated by whitespace.
/// </summary>
public static class DsclAttributeParser
{
    public static ImmutableArray<string> Values(string output, string attribute)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Split('\n');
        var prefix = attribute + ":";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[prefix.Length..];
            var continued = lines.Skip(i + 1).TakeWhile(l => l.StartsWith(' ')).Select(l => l.Trim());
            return [.. rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Concat(continued).Where(v => v.Length > 0)];
        }

        return [];
    }
}
