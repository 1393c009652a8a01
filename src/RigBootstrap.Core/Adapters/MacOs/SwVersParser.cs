namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads <c>sw_vers</c> and <c>sw_vers -productVersion</c> output.</summary>
public static class SwVersParser
{
    /// <summary>
    /// Reads the <c>ProductName</c>, <c>ProductVersion</c> and <c>BuildVersion</c> lines of plain <c>sw_vers</c>.
    /// Other keys (<c>ProductVersionExtra</c>, …) and lines without a colon are ignored.
    /// </summary>
    /// <exception cref="FormatException">A key is missing or empty, or the version is not a macOS version.</exception>
    public static SwVersInfo Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            // One tab after the colon on macOS 11 and 12, two from 13 on: split at the colon and trim
            // whatever follows. The last line may lack its newline (two of the fixtures do).
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        var productVersion = Required(values, "ProductVersion", stdout);
        if (!MacOsVersion.TryParse(productVersion, out var version))
        {
            throw new ToolOutputException(
                $"sw_vers printed ProductVersion '{productVersion}', which is not a macOS version such as 15.1; the output was '{ToolOutputExcerpt.Of(stdout)}'.");
        }

        return new SwVersInfo
        {
            ProductName = Required(values, "ProductName", stdout),
            ProductVersion = version,
            BuildVersion = Required(values, "BuildVersion", stdout),
        };
    }

    /// <summary>Reads the one line of <c>sw_vers -productVersion</c>, such as <c>15.7.1</c>.</summary>
    /// <exception cref="FormatException">The output is not exactly one macOS version.</exception>
    public static MacOsVersion ParseProductVersion(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        return MacOsVersion.TryParse(stdout.Trim(), out var version)
            ? version
            : throw new ToolOutputException(
                $"sw_vers -productVersion printed '{ToolOutputExcerpt.Of(stdout)}', which is not a macOS version such as 15.1.");
    }

    private static string Required(Dictionary<string, string> values, string key, string stdout) =>
        values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new ToolOutputException(
                $"sw_vers printed no {key} line; the output was '{ToolOutputExcerpt.Of(stdout)}'. Check that the sw_vers tool is Apple's /usr/bin/sw_vers.");
}
