using System.Diagnostics;
using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

[Collection(PublishedBinaryCollection.Name)]
public sealed class RunCommandTests
{
    private static readonly TimeSpan RebootRequestDeadline = TimeSpan.FromSeconds(60);

    // chmod 0775: what a careless `chmod g+w` leaves behind.
    private const UnixFileMode GroupWritable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly RigBootstrapCli _cli;

    public RunCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Run_recovers_a_garbage_state_file_from_its_previous_copy_and_journals_the_recovery()
    {
        // Arrange
        using var host = new TempHost();
        await InstallAndHaltAsync(host);
        File.WriteAllText(host.StatePath, "{ torn write");

        // Act
        var result = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        File.ReadLines(host.JournalPath).Should().Contain(line => line.Contains("\"kind\":\"recovered\"", StringComparison.Ordinal));
        using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
        state.RootElement.GetProperty("workflow").GetProperty("state").GetString()
            .Should().Be("Halted", "the recovered workflow goes on where it was and never silently starts over (docs/invariants.md I1)");
    }

    [Fact]
    public async Task Run_exits_65_and_names_reset_when_the_state_file_and_its_previous_copy_are_garbage_and_changes_nothing()
    {
        // Arrange
        using var host = new TempHost();
        await InstallAndHaltAsync(host);
        File.WriteAllText(host.StatePath, "garbage");
        File.WriteAllText(host.PreviousStatePath, "more garbage");
        var before = FileSnapshot.Take(host.RootDirPath);

        // Act
        var result = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(65, result.Describe());
        result.Stderr.Should().Contain("rig-bootstrap reset --all");
        FileSnapshot.Take(host.RootDirPath).Entries.Should().BeEquivalentTo(before.Entries);
    }

    [Fact]
    public async Task Run_exits_77_and_names_the_file_and_the_chmod_fix_when_the_installed_binary_is_group_writable()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep);
        (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);
        File.SetUnixFileMode(host.InstalledBinaryPath, GroupWritable);
        var before = FileSnapshot.Take(host.RootDirPath);

        // Act
        var result = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(77, result.Describe());
        result.Stderr.Should().Contain(host.InstalledBinaryPath).And.Contain($"chmod 0755 {host.InstalledBinaryPath}");
        FileSnapshot.Take(host.RootDirPath).Entries.Should().BeEquivalentTo(before.Entries, "a refused run touches nothing (docs/invariants.md I7)");
    }

    [Fact]
    public async Task A_step_that_needs_a_reboot_calls_shutdown_and_the_next_boot_completes_it_and_boots_the_daemon_out_last()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.NeedsOneReboot);
        (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);

        // Act: the first run asks for the reboot, then waits for it; the "reboot" kills it, as a real one would.
        using (var firstRun = _cli.Start(["run", .. host.HostArguments]))
        {
            var waited = Stopwatch.StartNew();
            while (host.ShutdownCalls().Count == 0 && !firstRun.HasExited && waited.Elapsed < RebootRequestDeadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            var killed = await firstRun.KillAsync();
            host.ShutdownCalls().Should().ContainSingle($"the run asks for exactly one reboot\n{killed.Describe()}");
        }

        host.SetBootTime(1_700_000_600);
        var secondRun = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        host.ShutdownCalls().Single().Should().StartWith("-r now");
        secondRun.ExitCode.Should().Be(0, secondRun.Describe());
        secondRun.Stdout.Should().Contain("ResumeAfterReboot");
        var status = await _cli.RunAsync(["status", "--root", host.RootDirPath]);
        status.ExitCode.Should().Be(0, $"the workflow is Completed\n{status.Describe()}");
        host.LaunchctlCalls().Last().Should().Be($"bootout system/{TempHost.DefaultLabel}", "booting itself out is the very last act (docs/invariants.md I8)");
        File.Exists(host.PlistPath()).Should().BeFalse();
        File.Exists(host.InstalledBinaryPath).Should().BeFalse();
        File.Exists(host.JournalPath).Should().BeTrue();
    }

    [Fact]
    public async Task A_reboot_that_never_comes_ends_the_run_with_75_after_the_configured_shutdown_grace()
    {
        // Arrange: the fake shutdown records the request and returns; no reboot follows.
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.NeedsOneReboot.Replace(
            "\"commands\":", "\"reboot\": { \"shutdownGrace\": \"00:00:02\" }, \"commands\":", StringComparison.Ordinal));
        (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(75, run.Describe());
        run.Stderr.Should().Contain("did not happen within 00:00:02 (reboot.shutdownGrace)");
        host.ShutdownCalls().Should().ContainSingle();
    }

    /// <summary>Installs <see cref="TestConfigs.HaltsOnSecondStep"/> and runs it once: a real state file and its .prev copy.</summary>
    private async Task InstallAndHaltAsync(TempHost host)
    {
        var config = host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep);
        var install = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);
        run.ExitCode.Should().Be(0, run.Describe());
        File.Exists(host.PreviousStatePath).Should().BeTrue("the store keeps the previous good copy");
    }
}
