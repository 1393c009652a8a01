namespace RigBootstrap.Core.Config.Parsing;

/// <summary>
/// Paths in the config are resolved under a host root later, so each must be absolute and already
/// normalized: a <c>..</c> could climb out of that root, and <c>.</c>, <c>//</c> or a trailing slash
/// would make two spellings of one file.
/// </summary>
internal static class HostPathRule
{
    /// <summary>A rule for <see cref="JsonObjectReader"/>: the problem with <paramref name="path"/>, or <c>null</c>.</summary>
    public static Func<string, string?> For(string example) =>
        path => Problem(path) is { } problem
            ? $"{problem}; use an absolute, normalized path such as {example}"
            : null;

    public static string? Problem(string path)
    {
        if (path.Any(char.IsControl))
        {
            return "contains a NUL or control character";
        }

        if (!path.StartsWith('/'))
        {
            return $"is not an absolute path (\"{path}\")";
        }

        if (path == "/")
        {
            return "is the root directory itself";
        }

        if (path.Contains("//", StringComparison.Ordinal))
        {
            return $"contains // (\"{path}\")";
        }

        if (path.EndsWith('/'))
        {
            return $"ends with / (\"{path}\")";
        }

        var segments = path[1..].Split('/');
        if (segments.Contains(".."))
        {
            return $"contains a .. segment, which could escape the host root (\"{path}\")";
        }

        return segments.Contains(".") ? $"contains a . segment (\"{path}\")" : null;
    }
}
