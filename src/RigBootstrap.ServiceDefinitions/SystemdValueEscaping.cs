using System.Collections.Immutable;
using System.Text;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>Quoting and escaping for values in a systemd unit file, per systemd.syntax(7), systemd.service(5) and systemd.exec(5).</summary>
internal static class SystemdValueEscaping
{
    /// <summary>A free-text or path value: specifiers escaped, nothing the line parser would change.</summary>
    public static string Plain(string value, string setting)
    {
        ThrowIfUnwritable(value, setting);
        // systemd strips the whitespace around a value and joins a line ending in '\' with the next one.
        if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value[^1] == '\\'))
        {
            throw new ArgumentException($"{setting}: '{value}' starts or ends with whitespace or ends with '\\', which systemd would change; remove it.", setting);
        }

        return value.Replace("%", "%%", StringComparison.Ordinal);
    }

    /// <summary>ExecStart's words: the program literally, then each argument quoted when it needs to be.</summary>
    public static string CommandLine(ImmutableArray<string> arguments)
    {
        var line = new StringBuilder(Executable(arguments[0]));
        for (var index = 1; index < arguments.Length; index++)
        {
            line.Append(' ').Append(Argument(arguments[index], $"ExecStart[{index}]"));
        }

        return line.ToString();
    }

    /// <summary><c>"NAME=value"</c>, always quoted.</summary>
    public static string EnvironmentAssignment(string name, string value)
    {
        ThrowIfUnwritable(value, $"Environment {name}");
        // systemd.exec(5): no variable expansion in Environment=, "$ has no special meaning", so '$' is not doubled.
        return $"\"{name}={EscapeInQuotes(value)}\"";
    }

    private static string Executable(string path)
    {
        ThrowIfUnwritable(path, "ExecStart[0]");
        // The program path gets no $-expansion: "$$" would stay "$$" (seen with systemd-analyze verify, systemd 252).
        // Backslashes and quotes are already refused by SystemdUnit, so quoting only has to protect whitespace.
        var escaped = path.Replace("%", "%%", StringComparison.Ordinal);
        return escaped.Any(char.IsWhiteSpace) ? $"\"{escaped}\"" : escaped;
    }

    private static string Argument(string argument, string setting)
    {
        ThrowIfUnwritable(argument, setting);
        // A lone ';' separates commands, and quotes or backslashes start syntax: quote those, and empty words.
        var needsQuotes = argument.Length == 0 || argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or ';');
        var escaped = EscapeInQuotes(argument).Replace("$", "$$", StringComparison.Ordinal);
        return needsQuotes ? $"\"{escaped}\"" : escaped;
    }

    private static string EscapeInQuotes(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("%", "%%", StringComparison.Ordinal);

    // A unit file is line-based UTF-8: control characters (tab included, to keep words unambiguous) and
    // unpaired surrogates cannot be written faithfully, so refuse them instead of mangling the value.
    private static void ThrowIfUnwritable(string value, string setting)
    {
        for (var index = 0; index < value.Length; index++)
        {
            var current = value[index];
            if (char.IsHighSurrogate(current) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                index++;
                continue;
            }

            if (char.IsControl(current) || char.IsSurrogate(current))
            {
                throw new ArgumentException(
                    $"{setting}: the character U+{(int)current:X4} at index {index} cannot be written to a unit file; remove it.", setting);
            }
        }
    }
}
