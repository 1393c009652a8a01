using System.Collections.Immutable;

namespace RigBootstrap.Processes.Tests.TestKit;

/// <summary>Builds specs that run a <c>/bin/sh -c</c> script, present on macOS and Linux alike.</summary>
public static class Shell
{
    public const string ShFilePath = "/bin/sh";

    /// <summary>The script sees <paramref name="arguments"/> as <c>$1</c>, <c>$2</c>, …</summary>
    public static CommandSpec Script(string script, params string[] arguments) => new()
    {
        FileName = ShFilePath,
        Arguments = ["-c", script, "sh", .. arguments],
        // A generous ceiling: a broken test fails with TimedOut rather than hanging the suite.
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static ImmutableArray<int> ParsePids(string output, string label) =>
    [
        .. output.Split('\n')
            .Where(line => line.StartsWith(label + " ", StringComparison.Ordinal))
            .Select(line => int.Parse(line[(label.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
