using System.Diagnostics;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// Runs a command where age cannot run: in a private mount namespace (`unshare --mount`, root only) every age and
/// age-keygen binary on the machine is covered by /dev/null, and PATH names an empty directory. The machine's own
/// age is untouched outside that namespace.
/// </summary>
public static class NoAgeSandbox
{
    private static readonly string[] AgeLocations =
        ["/usr/bin/age", "/usr/bin/age-keygen", "/usr/local/bin/age", "/usr/local/bin/age-keygen", "/opt/homebrew/bin/age", "/opt/homebrew/bin/age-keygen"];

    /// <summary>Why the sandbox cannot be made here, or null when it can.</summary>
    public static string? Unavailable { get; } = Probe();

    /// <summary>The /bin/sh script that masks age, proves it cannot run, then execs the command.</summary>
    public static IReadOnlyList<string> Wrap(IReadOnlyList<string> command, string emptyDirPath)
    {
        var masks = string.Join("", AgeLocations.Where(File.Exists).Select(p => $"mount --bind /dev/null '{p}' && "));
        var script = $"{masks}if age --version >/dev/null 2>&1 || /usr/bin/age --version >/dev/null 2>&1; then echo 'age still runs' >&2; exit 99; fi; exec \"$@\"";
        return ["unshare", "--mount", "/usr/bin/env", $"PATH={emptyDirPath}", "/bin/sh", "-c", script, "sh", .. command];
    }

    private static string? Probe()
    {
        if (!File.Exists("/usr/bin/unshare") || !OperatingSystem.IsLinux())
        {
            return "unshare is not available (Linux util-linux), so age cannot be hidden from this process alone";
        }

        using var probe = Process.Start(new ProcessStartInfo("/usr/bin/unshare", ["--mount", "/bin/sh", "-c", "mount --bind /dev/null /dev/null"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        probe.WaitForExit(TimeSpan.FromSeconds(10));
        return probe.HasExited && probe.ExitCode == 0 ? null : "unshare --mount needs root (CAP_SYS_ADMIN) here, so age cannot be hidden from this process alone";
    }
}
