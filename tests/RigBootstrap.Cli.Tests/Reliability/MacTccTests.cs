using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// The tcc step on the simulated Mac as a real one behaves (docs/tcc.md): the MDM's PPPC grant is in MDMOverrides.plist
/// and the profiles listing, never in TCC.db, and without Full Disk Access our daemon can read neither
/// MDMOverrides.plist nor TCC.db. A TCC.db-only check waits forever in every one of these.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class MacTccTests(PublishedBinary binary, ITestOutputHelper output)
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(120);

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task A_grant_that_arrives_only_through_the_MDM_completes_the_workflow_and_status_names_MDMOverrides()
    {
        // Arrange
        using var host = new TempHost();
        var fleet = await MacFleet.PrepareAsync(host);
        using var harness = new BootHarness(host);

        // Act
        await StartAsync(host, fleet, harness, extraOperator: null);
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        var status = await _cli.RunAsync(["status", .. host.HostArguments]);
        settled.Should().BeTrue(status.Describe());
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, status.Describe());
        TccRow(status.Stdout).Should().Contain($"{MacFleet.TccService} to {MacFleet.TccClient}: MDMOverrides.plist: granted by MDMOverrides.plist");
        host.ToolCalls("plutil").Should().Contain($"-convert xml1 -o - {Path.Join(host.RootDirPath, "Library", "Application Support", "com.apple.TCC", "MDMOverrides.plist")}");
        host.ToolCalls("sqlite3").Should().NotContain(c => c.Contains("TCC.db", StringComparison.Ordinal), "MDMOverrides.plist answered first");
        output.WriteLine($"RELIABILITY scenario=mac-tcc-mdm-overrides boots={harness.Boots} reboots={harness.Reboots} repeated={fleet.SideEffectsRepeated()}");
    }

    [Fact]
    public async Task Without_Full_Disk_Access_the_profiles_listing_completes_it_and_status_names_that_source()
    {
        // Arrange
        using var host = new TempHost();
        var fleet = await MacFleet.PrepareAsync(host);
        new FleetMdm(host).WithholdFullDiskAccess();
        using var harness = new BootHarness(host);

        // Act
        await StartAsync(host, fleet, harness, extraOperator: null);
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        var status = await _cli.RunAsync(["status", .. host.HostArguments]);
        settled.Should().BeTrue(status.Describe());
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, status.Describe());
        TccRow(status.Stdout).Should().Contain($"the installed profiles: granted by profile \"{FleetMdm.ProfileName}\"");
        host.ToolCalls("profiles").Should().Contain("show -output stdout-xml");
        output.WriteLine($"RELIABILITY scenario=mac-tcc-profiles-no-fda boots={harness.Boots} reboots={harness.Reboots} repeated={fleet.SideEffectsRepeated()}");
    }

    [Fact]
    public async Task Without_Full_Disk_Access_or_a_grant_the_wait_names_what_it_could_not_read_and_the_MDMs_grant_completes_it()
    {
        // Arrange: the MDM's profile grants another program, and our daemon has no Full Disk Access.
        using var host = new TempHost();
        var fleet = await MacFleet.PrepareAsync(host);
        var mdm = new FleetMdm(host);
        await mdm.InstallPppcProfileAsync(MacFleet.TccService, "/usr/local/bin/other-agent");
        mdm.WithholdFullDiskAccess();
        using var harness = new BootHarness(host);
        string? statusWhileWaiting = null;

        // The MDM admin reads `status`, fixes the profile, and restarts the host rather than wait for the back-off.
        async Task<bool> FixProfileOnceTccWaits()
        {
            if (statusWhileWaiting is not null || !TccWaits(host))
            {
                return false;
            }

            statusWhileWaiting = (await _cli.RunAsync(["status", .. host.HostArguments])).Stdout;
            await mdm.InstallPppcProfileAsync(MacFleet.TccService, MacFleet.TccClient);
            return true;
        }

        // Act
        await StartAsync(host, fleet, harness, FixProfileOnceTccWaits);
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        var status = await _cli.RunAsync(["status", .. host.HostArguments]);
        settled.Should().BeTrue(status.Describe());
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, status.Describe());
        statusWhileWaiting.Should().NotBeNull("tcc waited for the grant");
        var waiting = TccRow(statusWhileWaiting!);
        waiting.Should().Contain($"waiting for the MDM's PPPC profile to grant {MacFleet.TccService} to {MacFleet.TccClient}")
            .And.Contain("MDMOverrides.plist: could not read it").And.Contain("Full Disk Access")
            .And.Contain("SystemPolicyAllFiles to /usr/local/libexec/rig-bootstrap/rig-bootstrap")
            .And.Contain($"the installed profiles: read, no PPPC entry for {MacFleet.TccService} to {MacFleet.TccClient}")
            .And.Contain("TCC.db: could not read it");
        TccRow(status.Stdout).Should().Contain("the installed profiles: granted by profile");
        output.WriteLine($"RELIABILITY scenario=mac-tcc-wait-no-fda boots={harness.Boots} reboots={harness.Reboots} repeated={fleet.SideEffectsRepeated()}");
    }

    private static string TccRow(string status) =>
        status.Split('\n').SingleOrDefault(line => line.TrimStart().StartsWith("tcc ", StringComparison.Ordinal)) ?? $"(no tcc row in)\n{status}";

    private static bool TccWaits(TempHost host)
    {
        try
        {
            using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
            return state.RootElement.GetProperty("steps").EnumerateArray()
                .Any(s => s.GetProperty("id").GetString() == "tcc" && s.GetProperty("state").GetString() == "Waiting");
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return false; // not written yet, or caught mid-rename: look again next tick
        }
    }

    /// <summary>The Mac's boot, its operator (recipient registered at once) and the MDM admin wired in, the daemon installed, the power on.</summary>
    private async Task StartAsync(TempHost host, MacFleet fleet, BootHarness harness, Func<Task<bool>>? extraOperator)
    {
        var mac = new SimulatedMacBoot(host, new Dictionary<string, string> { [MacFleet.AgentUser] = MacFleet.SecretValue });
        var fleetOperator = new FleetOperator(host, fleet, harness, registerAtBoot: 1);
        harness.AtPowerOn = mac.PowerOn;
        harness.Operator = async () => await fleetOperator.ActAsync() || await fleet.Mdm.ActAsync() || (extraOperator is not null && await extraOperator());
        var install = await _cli.RunAsync(["install", "--config", fleet.ConfigPath, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
        await harness.PowerOnAsync();
    }
}
