using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Simulation;

public sealed class RehearsalTests
{
    [Fact(Timeout = 60000)]
    public async Task The_demo_config_completes_on_the_simulated_mac_with_one_reboot_and_removes_itself()
    {
        using var root = new TempHostRoot();
        var config = Configs.Write(Path.Join(root.Paths.RootDirPath, "input"), DemoConfig.Text);
        var binary = Path.Join(root.Paths.RootDirPath, "input", "rig-bootstrap");
        File.WriteAllText(binary, "binary");
        var output = new StringWriter();
        var host = new SimulatedHost(root.Paths, TimeProvider.System, NullLoggerFactory.Instance);

        var final = await new Rehearsal(host, output, "test").RunAsync(config, binary, CancellationToken.None);

        final.Workflow.State.Should().Be(WorkflowState.Completed);
        final.Boots.RebootsRequested.Should().Be(1);
        final.Handoff!.CleanedUpAt.Should().NotBeNull();
        output.ToString().Should().Contain("*** reboot");
        File.Exists(root.Paths.LaunchDaemonPlistPath("com.rig.bootstrap")).Should().BeFalse();
        File.Exists(root.Paths.InstalledBinaryPath).Should().BeFalse();
        File.Exists(root.Paths.JournalPath).Should().BeTrue("the evidence stays");
        (await host.Launchd.GetStatusAsync("com.rig.bootstrap", CancellationToken.None)).Should().BeNull("it booted itself out last");
        (await host.Launchd.GetStatusAsync("ai.invotek.rig-deploy", CancellationToken.None))!.IsRunning.Should().BeTrue();
    }
}
