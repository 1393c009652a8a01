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

    [Fact]
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_wait_that_ends_with_a_boot_does_not_hold_back_the_self_reboot_while_an_ordinary_wait_does(bool waitsEndWithABoot)
    {
        // Arrange: like keychain before the agent's first login: locked until the boot that autologin's reboot brings.
        using var harness = new EngineHarness();
        var marker = Path.Join(harness.MarkerDirPath, "upgraded");
        var upgrade = new SelfRebootingStep(marker);
        ScriptedStep? keychain = null;
        keychain = new ScriptedStep("keychain", harness.MarkerDirPath)
        {
            Traits = new() { Description = "keychain", WaitsEndWithABoot = waitsEndWithABoot },
            WriteMarker = false,
            Outcome = n =>
            {
                if (n == 1)
                {
                    return new ApplyResult.WaitUntil("login keychain locked", TimeSpan.FromMinutes(5));
                }

                File.WriteAllText(keychain!.MarkerPath, "unlocked");
                return ApplyResult.Succeeded;
            },
        };
        harness.Definition = WorkflowDefinition.Create([keychain, upgrade]);
        using var cancel = new CancellationTokenSource();

        // Act: the fake clock never moves, so a run that waits for the keychain's next check sleeps on it and never
        // returns; the timer it arms for that sleep (the engine's only one) is the signal, not a guessed time.
        var sleeping = harness.Time.WhenArmed(1);
        var boot1 = harness.RunAsync(cancellationToken: cancel.Token);
        var finished = await Task.WhenAny(boot1, sleeping).WaitAsync(TimeSpan.FromSeconds(10)) == boot1;
        await cancel.CancelAsync();

        // Assert
        if (waitsEndWithABoot)
        {
            finished.Should().BeTrue("the upgrade's restart is what the keychain waits for");
            (await boot1).Should().Be(RunOutcome.RebootRequested);
            upgrade.Commands.Should().Be(1);
            Directory.CreateDirectory(harness.MarkerDirPath);
            File.WriteAllText(marker, "15.1");
            harness.Boot.Reboot();
            (await harness.RunWithTimeAsync()).Should().Be(RunOutcome.Completed);
            keychain.Applies.Should().Be(2, "the new boot checked the keychain at once");
        }
        else
        {
            finished.Should().BeFalse("an ordinary wait may still end in this boot, so the restart waits for it");
            await FluentActions.Awaiting(() => boot1).Should().ThrowAsync<OperationCanceledException>();
            upgrade.Commands.Should().Be(0);
        }
    }

    [Fact]
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
