using System.Collections.Immutable;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Workflow;

public sealed class SelfRebootTests
{
    /// <summary>Like os-upgrade: records the intent, then its own command restarts the host.</summary>
    private sealed class SelfRebootingStep(string markerPath) : IStep
    {
        public int Commands { get; private set; }

        public string Id => "os-upgrade";

        public ImmutableArray<string> DependsOn => [];

        public StepTraits Traits { get; } = new() { Description = "upgrade", RebootsItself = true };

        public Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult(File.Exists(markerPath));

        public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
        {
            if (!await context.RecordSelfRebootAsync("softwareupdate --install --restart", cancellationToken))
            {
                return new ApplyResult.Fail("reboot budget spent", Retryable: false);
            }

            Commands++;
            return new ApplyResult.NeedsReboot("the update installs during the restart");
        }

        public Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken) =>
            Task.FromResult(File.Exists(markerPath) ? VerifyResult.Passed : VerifyResult.Failed("still the old version"));
    }

    [Fact(Timeout = 30000)]
    public async Task A_self_rebooting_step_persists_the_intent_first_and_the_engine_does_not_call_shutdown_on_top()
    {
        using var harness = new EngineHarness();
        var marker = Path.Join(harness.MarkerDirPath, "upgraded");
        var step = new SelfRebootingStep(marker);
        harness.Definition = WorkflowDefinition.Create([step]);

        var boot1 = await harness.RunAsync();

        boot1.Should().Be(RunOutcome.RebootRequested);
        harness.Power.Requests.Should().BeEmpty("the step's own command restarts the host");
        harness.State.Reboot!.SelfInitiated.Should().BeFalse("a later run in the same boot asks shutdown itself");
        harness.State.Boots.RebootsRequested.Should().Be(1);
        harness.Journal.Should().Contain(e => e.Kind == "reboot-requested" && e.Step == "os-upgrade");

        Directory.CreateDirectory(harness.MarkerDirPath);
        File.WriteAllText(marker, "15.7.1");
        harness.Boot.Reboot();
        var boot2 = await harness.RunAsync();

        boot2.Should().Be(RunOutcome.Completed);
        step.Commands.Should().Be(1);
        harness.Journal.Should().Contain(e => e.Kind == "run-started" && e.Reason!.StartsWith("ResumeAfterReboot"));
    }

    [Fact(Timeout = 30000)]
    public async Task If_the_host_does_not_restart_the_next_run_in_that_boot_asks_shutdown()
    {
        using var harness = new EngineHarness();
        harness.Definition = WorkflowDefinition.Create([new SelfRebootingStep(Path.Join(harness.MarkerDirPath, "upgraded"))]);
        await harness.RunAsync();

        var again = await harness.RunAsync();

        again.Should().Be(RunOutcome.RebootRequested);
        harness.Power.Requests.Should().ContainSingle();
    }
}
