using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Simulation;

public sealed class RehearsalTests
{
    [Fact]
    public async Task The_demo_runs_the_whole_workflow_on_Apple_Silicon_with_the_MDMs_restart_as_its_one_reboot_and_removes_itself()
    {
        using var root = new TempHostRoot();
        var output = new StringWriter();

        var (final, host) = await DemoRun.RunAsync(root, output);

        final.Workflow.State.Should().Be(WorkflowState.Completed, output.ToString());
        final.Steps.Select(s => s.Id).Should().Contain(["age-key", "secrets", "keychain", "xcode", "autologin", "first-deploy", "tcc", "os-upgrade", "handoff"]);
        final.Steps.Should().OnlyContain(s => s.IsDone);
        final.Boots.Count.Should().Be(2, "the MDM's restart into the new macOS also served autologin: one reboot");
        final.Boots.RebootsRequested.Should().Be(0, "on Apple Silicon os-upgrade runs in mdm mode: the MDM restarts the host, rig-bootstrap never asks");
        final.Step("os-upgrade").Facts.Should().Contain("mode", "Mdm");
        final.AgeRecipient.Should().StartWith("age1");
        final.Handoff!.CleanedUpAt.Should().NotBeNull();
        output.ToString().Should().Contain("*** reboot").And.Contain(">>> operator: registered").And.Contain(">>> MDM: installed the PPPC profile")
            .And.Contain(">>> MDM: software-update enforcement reached its TargetLocalDateTime: macOS 15.1 staged");
        File.Exists(root.Paths.LaunchDaemonPlistPath("com.rig.bootstrap")).Should().BeFalse();
        File.Exists(root.Paths.InstalledBinaryPath).Should().BeFalse();
        File.Exists(root.Paths.JournalPath).Should().BeTrue("the evidence stays");
        (await host.Launchd.GetStatusAsync("com.rig.bootstrap", CancellationToken.None)).Should().BeNull("it booted itself out last");
        (await host.Launchd.GetStatusAsync("ai.invotek.rig-deploy", CancellationToken.None)).Should().BeNull("the agent is not a system daemon");
        var session = await new SimulatedLaunchd(host.Mac, "rig", host.LoginWindow).GetStatusAsync("ai.invotek.rig-deploy", CancellationToken.None);
        session!.HasExitedCleanSinceLoad.Should().BeTrue("the agent's LaunchAgent ran in rig's GUI session and exited 0");
    }

    [Fact]
    public async Task After_the_demo_no_secret_value_is_in_the_state_the_journal_or_any_file_but_the_private_ones()
    {
        using var root = new TempHostRoot();

        await DemoRun.RunAsync(root, TextWriter.Null);

        var privateFiles = new[] { root.Paths.Resolve("/Users/rig/.rig/env") };
        foreach (var file in Directory.GetFiles(root.Paths.RootDirPath, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var holdsSecret = DemoScenario.FleetSecrets.Any(s => text.Contains(s.Value, StringComparison.Ordinal));
            if (holdsSecret)
            {
                // Only files that must hold a secret may, and each is private to its owner (docs/invariants.md I6).
                (File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).Should().Be(UnixFileMode.None, file);
                file.Should().NotBe(root.Paths.StatePath).And.NotBe(root.Paths.JournalPath);
            }
        }

        File.ReadAllText(privateFiles[0]).Should().Contain("demo-password-4711");
    }
}
