using RigBootstrap.Cli.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// Every built-in macOS step of DESIGN §4, run by the published binary under the boot harness, against the fake
/// macOS tools (FakeTools/) and the real age, git and sqlite3, with the fleet's real SOPS file.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class MacWorkflowTests(PublishedBinary binary, ITestOutputHelper output)
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(120);

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact(Timeout = 180000)]
    public async Task A_fresh_Mac_whose_recipient_is_registered_after_two_boots_completes_with_one_reboot_for_the_os_upgrade_and_autologin()
    {
        // Arrange
        using var host = new TempHost();
        var fleet = await MacFleet.PrepareAsync(host);
        using var harness = new BootHarness(host);
        var mac = new SimulatedMacBoot(host, new Dictionary<string, string> { [MacFleet.AgentUser] = MacFleet.SecretValue });
        var fleetOperator = new FleetOperator(host, fleet, harness, registerAtBoot: 2);
        harness.AtPowerOn = mac.PowerOn;
        harness.Operator = fleetOperator.ActAsync;
        await InstallAsync(host, fleet);

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        var status = await _cli.RunAsync(["status", .. host.HostArguments]);
        settled.Should().BeTrue(status.Describe());
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, status.Describe());
        fleetOperator.BootsWaitingForRecipient.Should().Equal([1, 2], "the recipient was missing for two boots and registered in the second");
        fleet.SideEffects().Should().OnlyContain(e => e.Count == 1, "each non-idempotent change happens exactly once");
        host.ToolCalls("softwareupdate").Where(c => c.StartsWith("--install", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Be("--install macOS Sequoia 15.1-24B83 --agree-to-license --restart");
        host.ShutdownCalls().Should().BeEmpty("softwareupdate's own restart also served autologin: one coalesced reboot");
        mac.UpdatesApplied.Should().Be(1);
        mac.ConsoleUser.Should().Be(MacFleet.AgentUser, "loginwindow found the agent's password in /etc/kcpassword");
        harness.Reboots.Should().Be(3, "two operator restarts while secrets waited, then the one for the os-upgrade and autologin");
        host.ToolCalls("xcode-select").Should().Equal("-s /Applications/Xcode-16.2.0.app");
        host.ToolCalls("xcodebuild").Should().Contain(["-license accept", "-runFirstLaunch"]);
        output.WriteLine((await _cli.RunAsync(["status", "--history", .. host.HostArguments])).Stdout);
        output.WriteLine($"RELIABILITY scenario=mac-fresh-host boots={harness.Boots} reboots={harness.Reboots} repeated={fleet.SideEffectsRepeated()}");
    }

    private async Task InstallAsync(TempHost host, MacFleet fleet)
    {
        var install = await _cli.RunAsync(["install", "--config", fleet.ConfigPath, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
    }
}
