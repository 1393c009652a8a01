namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

/// <summary>Checks a unit file with the real <c>systemd-analyze verify</c> (Debian package systemd).</summary>
public static class SystemdAnalyze
{
    public const string MissingReason =
        "systemd-analyze is not on PATH (Debian package systemd; tests/run.sh installs it), so the unit cannot be checked by the real tool.";

    public static string? FindToolPath() => ExternalTool.FindOnPath("systemd-analyze");

    /// <summary>Fails the test with the tool's output if verify exits non-zero or says anything about the unit file.</summary>
    public static void AssertVerifies(string unitFilePath)
    {
        var toolPath = FindToolPath() ?? throw new InvalidOperationException(MissingReason);
        var result = ExternalTool.Run(toolPath, "verify", unitFilePath);

        // verify exits 0 after "Unknown key" and "ignoring" warnings, so any line naming our file counts as a failure.
        var unitFileName = Path.GetFileName(unitFilePath);
        var complaints = (result.StandardOutput + "\n" + result.StandardError)
            .Split('\n')
            .Where(line => line.Contains(unitFileName, StringComparison.Ordinal))
            .ToList();
        if (result.ExitCode != 0 || complaints.Count > 0)
        {
            Assert.Fail($"systemd-analyze verify rejected {unitFilePath}:\n{result.CombinedOutput}\n--- file ---\n{File.ReadAllText(unitFilePath)}");
        }
    }
}
