namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads what <c>xcode-select -p</c> and the <c>/usr/bin</c> developer-tool shims print.</summary>
public static class XcodeSelectOutput
{
    /// <summary>The developer directory <c>xcode-select -p</c> printed on stdout, such as <c>/Library/Developer/CommandLineTools</c>.</summary>
    /// <exception cref="FormatException">The output is not one absolute path.</exception>
    public static string ParseDeveloperDir(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var path = stdout.Trim();
        return path.StartsWith('/') && !path.Contains('\n', StringComparison.Ordinal) && !path.Contains('\0', StringComparison.Ordinal)
            ? path.Length > 1 ? path.TrimEnd('/') : path
            : throw new ToolOutputException($"xcode-select -p printed '{ToolOutputExcerpt.Of(stdout)}', which is not one absolute developer directory path.");
    }

    /// <summary>
    /// True for <c>xcode-select -p</c>'s "Unable to get active developer directory" (Sonoma wording; older releases
    /// differ in case, so the match ignores it): no developer directory is selected at all.
    /// </summary>
    public static bool SaysNoneSelected(string output) =>
        output.Contains("active developer directory", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The directory the <c>/usr/bin</c> shim looked in when it failed with <c>xcrun: error: invalid active developer path
    /// (DIR), missing xcrun at: …</c>; null for any other output. The shim runs nothing until the tools are installed.
    /// </summary>
    public static string? ShimMissingDeveloperPath(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        const string Marker = "invalid active developer path (";
        var start = output.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Marker.Length;
        var end = output.IndexOf(')', start);
        return end > start ? output[start..end] : null;
    }
}
