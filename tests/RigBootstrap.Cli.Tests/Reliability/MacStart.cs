using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>A <see cref="MacFleet"/> host brought up under the boot harness: its boot and operator wired in, the daemon installed, the power on.</summary>
public static class MacStart
{
    public static async Task<(SimulatedMacBoot Mac, FleetOperator Operator)> StartAsync(
        RigBootstrapCli cli, TempHost host, MacFleet fleet, BootHarness harness, int registerAtBoot)
    {
        var mac = new SimulatedMacBoot(host, new Dictionary<string, string> { [MacFleet.AgentUser] = MacFleet.SecretValue });
        var fleetOperator = new FleetOperator(host, fleet, harness, registerAtBoot);
        harness.AtPowerOn = mac.PowerOn;
        // The operator restarts the host while secrets waits; the MDM upgrades and restarts it on its own schedule.
        harness.Operator = async () => await fleetOperator.ActAsync() || await fleet.Mdm.ActAsync();
        var install = await cli.RunAsync(["install", "--config", fleet.ConfigPath, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
        await harness.PowerOnAsync();
        return (mac, fleetOperator);
    }
}
