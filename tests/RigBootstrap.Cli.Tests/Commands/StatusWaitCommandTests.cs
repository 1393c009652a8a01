using System.Diagnostics;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>`status --wait` (docs/design.md §7): returns when final, fails fast on a dead daemon, honours --timeout.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class StatusWaitCommandTests
{
    private readonly RigBootstrapCli _cli;

    public StatusWaitCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Wait_on_a_halted_workflow_returns_1_at_once_with_the_view()
    {
        // Arrange
        using var host = new TempHost();
        await InstallAsync(host, TestConfigs.HaltsOnSecondStep);
        (await _cli.RunAsync(["run", .. host.HostArguments])).ExitCode.Should().Be(0);

        // Act
        var result = await _cli.RunAsync(["status", "--wait", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(1, result.Describe());
        result.Stdout.Should().StartWith("com.rig.bootstrap: Halted since");
    }

    [Fact]
    public async Task Wait_fails_fast_with_69_when_the_daemon_is_not_loaded_and_the_workflow_is_unfinished()
    {
        // Arrange: installed, then launchd forgets the daemon (a bootout, or a plist launchd refused).
        using var host = new TempHost();
        await InstallAsync(host, TestConfigs.HaltsOnSecondStep);
        File.WriteAllText(Path.Join(host.ToolsDirPath, "launchctl.loaded"), "");
        var clock = Stopwatch.StartNew();

        // Act
        var result = await _cli.RunAsync(["status", "--wait", "--timeout", "00:10:00", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(69, result.Describe());
        result.Stderr.Should().Contain("the daemon com.rig.bootstrap is not loaded").And.Contain("(exit 69)");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(1), "it never waits on a daemon that cannot move the workflow");
        host.LaunchctlCalls().Should().Contain("print system/com.rig.bootstrap");
    }

    [Fact]
    public async Task Wait_gives_up_with_75_at_the_timeout_and_says_where_the_workflow_is()
    {
        // Arrange: installed and loaded, but no run ever starts, so the workflow stays Installed.
        using var host = new TempHost();
        await InstallAsync(host, TestConfigs.HaltsOnSecondStep);
        var clock = Stopwatch.StartNew();

        // Act
        var result = await _cli.RunAsync(["status", "--wait", "--timeout", "00:00:03", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(75, result.Describe());
        result.Stderr.Should().Contain("timed out after 00:00:03; the workflow is still Installed");
        result.Stdout.Should().StartWith("com.rig.bootstrap: Installed since");
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3)).And.BeLessThan(TimeSpan.FromSeconds(3 + 2 + 30), "timeout, one poll, and start-up on a busy machine");
    }

    [Fact]
    public async Task Wait_on_an_empty_root_exits_69_because_nothing_is_installed()
    {
        using var host = new TempHost();

        var result = await _cli.RunAsync(["status", "--wait", .. host.HostArguments]);

        result.ExitCode.Should().Be(69, result.Describe());
        result.Stderr.Should().Contain("not installed");
    }

    [Theory]
    [InlineData("--timeout", "00:01:00")]
    [InlineData("--wait", "--timeout=00:00:00")]
    [InlineData("--wait", "--format=jamf")]
    [InlineData("--wait", "--history")]
    public async Task Wait_options_that_make_no_sense_together_exit_64(string first, string second)
    {
        using var host = new TempHost();

        var result = await _cli.RunAsync(["status", first, second, .. host.HostArguments]);

        result.ExitCode.Should().Be(64, result.Describe());
        result.Stderr.Should().Contain("(exit 64)");
    }

    private async Task InstallAsync(TempHost host, string config)
    {
        var install = await _cli.RunAsync(["install", "--config", host.WriteFile("config.json", config), .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
    }
}
