using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// The env file the secrets step writes (docs/design.md §4): one `NAME=value` per line. A value made only of safe characters
/// is written bare; any other is double-quoted with `\\`, `\"`, `\$`, `\``, `\n` and `\r` escaped, which dotenv
/// loaders read back as the same text.
/// </summary>
public static partial class EnvFileFormat
{
    public static string Render(IEnumerable<SopsSecret> values)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in values)
        {
            text.Append(name).Append('=').Append(Quote(value)).Append('\n');
        }

        return text.ToString();
    }

    public static string Quote(string value)
    {
        if (BarePattern().IsMatch(value))
        {
            return value;
        }

        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' or '"' or '$' or '`' => quoted.Append('\\').Append(c),
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Reads a file <see cref="Render"/> wrote; throws <see cref="FormatException"/> naming the line otherwise.</summary>
    public static ImmutableDictionary<string, string> Parse(string text)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"line {lineNumber} is not NAME=value");
            }

            var raw = line[(equals + 1)..];
            values[line[..equals]] = raw.StartsWith('"') ? Unquote(raw, lineNumber) : raw;
        }

        return values.ToImmutable();
    }

    private static string Unquote(string raw, int lineNumber)
    {
        if (raw.Length < 2 || raw[^1] != '"')
        {
            throw new FormatException($"line {lineNumber} opens a quote it does not close");
        }

        var value = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            if (raw[i] != '\\')
            {
                value.Append(raw[i]);
                continue;
            }

            if (++i >= raw.Length - 1)
            {
                throw new FormatException($"line {lineNumber} ends in a lone backslash");
            }

            value.Append(raw[i] switch { 'n' => '\n', 'r' => '\r', var c => c });
        }

        return value.ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9_./:@%+,=^~-]*\\z")]
    private static partial Regex BarePattern();
}
