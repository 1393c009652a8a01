using RigBootstrap.Cli.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// Whole bootstraps under the boot harness: install, power on, and let the plists we wrote drive every start,
/// crash and reboot. Each scenario ends Completed with the daemon gone and the evidence kept.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class ScenarioTests(PublishedBinary binary, ITestOutputHelper output)
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(90);

    // chmod 0775 / 0664: what a careless `chmod g+w` leaves behind.
    private const UnixFileMode GroupWritableBinary = (UnixFileMode)0b111_111_101;
    private const UnixFileMode GroupWritablePlist = (UnixFileMode)0b110_110_100;

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task A_fresh_host_converges_with_one_reboot_and_each_side_effect_once()
    {
        // Arrange
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        await InstallAsync(host, ReliabilityConfigs.FullBootstrap);

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        settled.Should().BeTrue();
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "a fresh host converges");
        var outcome = ScenarioOutcome.Read(host);
        outcome.SideEffectsDone.Should().Be(3);
        outcome.SideEffectsRepeated.Should().Be(0);
        harness.Reboots.Should().Be(1);
        host.LaunchctlCalls().Last().Should().Be($"bootout system/{TempHost.DefaultLabel}", "booting itself out is the last act (docs/invariants.md I8)");
        output.WriteLine($"RELIABILITY scenario=fresh-host boots={harness.Boots} reboots={harness.Reboots} repeated={outcome.SideEffectsRepeated}");
    }

    [Fact]
    public async Task Installing_on_an_already_bootstrapped_host_reports_it_and_changes_nothing()
    {
        // Arrange
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        var config = await InstallAsync(host, ReliabilityConfigs.FullBootstrap);
        await harness.PowerOnAsync();
        (await harness.RunAsync(SettleLimit)).Should().BeTrue();
        var before = FileSnapshot.Take(host.RootDirPath);

        // Act
        var again = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        await harness.RebootAsync();
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        again.ExitCode.Should().Be(0, again.Describe());
        again.Stdout.Should().Contain("already bootstrapped");
        settled.Should().BeTrue();
        FileSnapshot.Take(host.RootDirPath).Entries.Should().BeEquivalentTo(before.Entries, "install on a Completed host changes nothing");
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "still Completed");
        output.WriteLine($"RELIABILITY scenario=already-bootstrapped boots={harness.Boots} reboots={harness.Reboots} repeated={ScenarioOutcome.Read(host).SideEffectsRepeated}");
    }

    [Fact]
    public async Task A_step_that_always_asks_for_a_reboot_halts_after_the_budget_and_retry_completes_it_once_fixed()
    {
        // Arrange
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        await InstallAsync(host, ReliabilityConfigs.AlwaysAsksForReboot);

        // Act
        await harness.PowerOnAsync();
        var halted = await harness.RunAsync(SettleLimit);
        var stateWhenHalted = ScenarioOutcome.Read(host).WorkflowState;
        var rebootsToHalt = harness.Reboots;
        await harness.RebootAsync();
        (await harness.RunAsync(SettleLimit)).Should().BeTrue();
        var rebootsAfterHalt = harness.Reboots - rebootsToHalt - 1;
        File.WriteAllText(Path.Join(host.RootDirPath, "fixed"), "");
        var retry = await _cli.RunAsync(["retry", "os-patch", .. host.HostArguments]);
        var completed = await harness.RunAsync(SettleLimit);

        // Assert
        halted.Should().BeTrue($"reboots {rebootsToHalt}, state {File.ReadAllText(host.StatePath)}");
        stateWhenHalted.Should().Be("Halted");
        rebootsToHalt.Should().BeInRange(1, 4, "the reboot budget (maxBootsWithoutProgress 3) caps the loop (docs/invariants.md I5)");
        rebootsAfterHalt.Should().Be(0, "a halted host asks for no further reboot");
        retry.ExitCode.Should().Be(0, retry.Describe());
        completed.Should().BeTrue();
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "retry after the fix converges");
        output.WriteLine($"RELIABILITY scenario=always-reboots boots={harness.Boots} reboots={harness.Reboots} repeated={ScenarioOutcome.Read(host).SideEffectsRepeated}");
    }

    [Fact]
    public async Task A_step_that_crashes_every_time_halts_after_the_crash_budget_without_a_respawn_storm()
    {
        // Arrange
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        await InstallAsync(host, ReliabilityConfigs.CrashesEveryTime);

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);
        var stateWhenHalted = ScenarioOutcome.Read(host).WorkflowState;
        var starts = harness.DaemonStartsThisBoot;
        var lastExit = harness.DaemonExitCodes.Last();
        File.WriteAllText(Path.Join(host.RootDirPath, "fixed"), "");
        var retry = await _cli.RunAsync(["retry", "flaky-tool", .. host.HostArguments]);
        var completed = await harness.RunAsync(SettleLimit);

        // Assert
        settled.Should().BeTrue("KeepAlive stops once the run exits 0");
        stateWhenHalted.Should().Be("Halted");
        starts.Should().BeInRange(2, 4, "three crashes in one boot halt the run (maxCrashesPerBoot 3)");
        lastExit.Should().Be(0, "a halted run exits 0 so that KeepAlive does not respawn it");
        harness.Reboots.Should().Be(0);
        retry.ExitCode.Should().Be(0, retry.Describe());
        completed.Should().BeTrue();
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "retry after the fix converges");
        ScenarioOutcome.Read(host).SideEffectsRepeated.Should().Be(0);
        output.WriteLine($"RELIABILITY scenario=crashes-every-time boots={harness.Boots} reboots={harness.Reboots} repeated={ScenarioOutcome.Read(host).SideEffectsRepeated}");
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("plist")]
    public async Task A_group_writable_binary_or_plist_is_refused_until_its_mode_is_fixed(string which)
    {
        // Arrange
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        await InstallAsync(host, ReliabilityConfigs.OneCommand);
        var (path, badMode, goodMode) = which == "binary"
            ? (host.InstalledBinaryPath, GroupWritableBinary, (UnixFileMode)0b111_101_101)
            : (host.PlistPath(), GroupWritablePlist, (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(path, badMode);
        var stateBefore = File.ReadAllText(host.StatePath);

        // Act: launchd keeps respawning a run that exits 77; nothing may happen until the mode is fixed.
        await harness.PowerOnAsync();
        var settledWhileBad = await harness.RunAsync(TimeSpan.FromSeconds(4));
        var refusals = harness.DaemonExitCodes.ToList();
        var stateWhileBad = File.ReadAllText(host.StatePath);
        var effectWhileBad = ScenarioOutcome.Read(host).SideEffectsDone;
        File.SetUnixFileMode(path, goodMode);
        var completed = await harness.RunAsync(SettleLimit);

        // Assert
        settledWhileBad.Should().BeFalse();
        refusals.Should().NotBeEmpty().And.OnlyContain(code => code == 77, "run refuses a writable root daemon (docs/invariants.md I7)");
        stateWhileBad.Should().Be(stateBefore);
        effectWhileBad.Should().Be(0);
        completed.Should().BeTrue();
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "the next respawn after the fix converges");
        output.WriteLine($"RELIABILITY scenario=group-writable-{which} boots={harness.Boots} reboots={harness.Reboots} repeated={ScenarioOutcome.Read(host).SideEffectsRepeated}");
    }

    private async Task<string> InstallAsync(TempHost host, string configText)
    {
        host.WriteFile("agent.plist", ReliabilityConfigs.AgentPlist);
        var config = host.WriteFile("config.json", configText);
        var install = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
        return config;
    }
}
