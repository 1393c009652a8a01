using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>
/// A log that cannot be written never stops the workflow: `run` says so once on stderr, naming the log directory, and
/// goes on to the end. The full disk is real: the day's log file is a symlink to /dev/full, where every write fails
/// with ENOSPC.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class LogFileTroubleTests(PublishedBinary binary)
{
    private const string TwoCommands = $$"""
        {
          {{TestConfigs.Agent}},
          "commands": [
            { "id": "first", "run": ["/bin/sh", "-c", "touch \"$RIG_HOST_ROOT/first.done\""] },
            { "id": "second", "dependsOn": ["first"], "run": ["/bin/sh", "-c", "touch \"$RIG_HOST_ROOT/second.done\""] }
          ]
        }
        """;

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    public enum LogTrouble
    {
        DirectoryIsAFile,
        DiskFull,
    }

    [Theory]
    [InlineData(LogTrouble.DirectoryIsAFile)]
    [InlineData(LogTrouble.DiskFull)]
    public async Task Run_completes_the_workflow_and_says_once_on_stderr_that_the_log_cannot_be_written(LogTrouble trouble)
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TwoCommands);
        var install = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
        var logDir = Path.Join(host.RootDirPath, "Library", "Logs", "rig-bootstrap");
        Break(logDir, trouble);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(0, run.Describe());
        run.Stderr.Split('\n').Count(l => l.Contains("cannot write the log under", StringComparison.Ordinal)).Should().Be(1, run.Describe());
        run.Stderr.Should().Contain(logDir).And.Contain("going on");
        File.Exists(Path.Join(host.RootDirPath, "first.done")).Should().BeTrue();
        File.Exists(Path.Join(host.RootDirPath, "second.done")).Should().BeTrue();
        var status = await _cli.RunAsync(["status", .. host.HostArguments]);
        status.ExitCode.Should().Be(0, $"the workflow is Completed\n{status.Describe()}");
        File.Exists(host.PlistPath()).Should().BeFalse("the completed daemon removed itself as usual");
    }

    private static void Break(string logDir, LogTrouble trouble)
    {
        if (trouble == LogTrouble.DirectoryIsAFile)
        {
            if (Directory.Exists(logDir))
            {
                Directory.Delete(logDir, recursive: true);
            }

            File.WriteAllText(logDir, "not a directory");
            return;
        }

        // Serilog names the day's file by local date; today's and tomorrow's cover a run across midnight.
        Directory.CreateDirectory(logDir);
        foreach (var day in new[] { DateTime.Now, DateTime.Now.AddDays(1) })
        {
            File.CreateSymbolicLink(Path.Join(logDir, $"rig-bootstrap-{day:yyyyMMdd}.log"), "/dev/full");
        }
    }
}
