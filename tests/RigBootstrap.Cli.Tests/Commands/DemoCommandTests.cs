using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

[Collection(PublishedBinaryCollection.Name)]
public sealed class DemoCommandTests
{
    private const string SimulatedMacAt = "Simulated Mac at ";

    private readonly RigBootstrapCli _cli;

    public DemoCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Demo_exits_0_after_a_reboot_and_a_resumed_run_and_ends_Completed()
    {
        // Act
        var result = await _cli.RunAsync(["demo"]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        var output = result.Stdout;
        output.Should().Contain("*** reboot", result.Describe());
        output.IndexOf("*** reboot", StringComparison.Ordinal)
            .Should().BeLessThan(output.IndexOf("run-started: ResumeAfterReboot", StringComparison.Ordinal), "the resumed run follows the reboot");
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        lines.Where(line => line.StartsWith("run ended:", StringComparison.Ordinal))
            .Should().Equal(["run ended: RebootRequested", "run ended: Completed"], "one run asks for the reboot, the next finishes");
        lines.Last(line => line.StartsWith("com.rig.bootstrap: ", StringComparison.Ordinal))
            .Should().StartWith("com.rig.bootstrap: Completed since", "the closing status shows the finished workflow");
        var simulatedRoot = lines.First(line => line.StartsWith(SimulatedMacAt, StringComparison.Ordinal))[SimulatedMacAt.Length..];
        Directory.Exists(simulatedRoot).Should().BeFalse("a demo without --keep or --into removes its temporary host");
    }

    [Fact]
    public async Task Demo_into_a_directory_leaves_Completed_state_and_journal_and_removes_the_daemon_and_binary()
    {
        // Arrange
        using var host = new TempHost();

        // Act
        var result = await _cli.RunAsync(["demo", "--into", host.RootDirPath]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().Contain($"kept at {host.RootDirPath}");
        using (var state = JsonDocument.Parse(File.ReadAllText(host.StatePath)))
        {
            state.RootElement.GetProperty("workflow").GetProperty("state").GetString().Should().Be("Completed");
        }

        File.Exists(host.PlistPath()).Should().BeFalse("handoff deletes the daemon's own plist");
        File.Exists(host.InstalledBinaryPath).Should().BeFalse("handoff deletes the installed binary");
        File.Exists(host.JournalPath).Should().BeTrue("the journal is kept as evidence");
        File.ReadAllLines(host.JournalPath).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Demo_into_a_directory_that_is_not_empty_exits_64_and_writes_nothing()
    {
        // Arrange
        using var host = new TempHost();
        File.WriteAllText(Path.Join(host.RootDirPath, "operator-notes.txt"), "not a scratch directory");
        var before = FileSnapshot.Take(host.RootDirPath);

        // Act
        var result = await _cli.RunAsync(["demo", "--into", host.RootDirPath]);

        // Assert
        result.ExitCode.Should().Be(64, result.Describe());
        FileSnapshot.Take(host.RootDirPath).Entries.Should().BeEquivalentTo(before.Entries);
    }
}
