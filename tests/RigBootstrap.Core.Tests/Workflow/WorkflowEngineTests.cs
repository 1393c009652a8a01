using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Workflow;

public sealed class WorkflowEngineTests
{
    [Fact]
    public async Task A_fresh_run_runs_steps_in_dependency_order_and_completes()
    {
        using var harness = new EngineHarness();
        var a = new ScriptedStep("a", harness.MarkerDirPath);
        var b = new ScriptedStep("b", harness.MarkerDirPath, "c");
        var c = new ScriptedStep("c", harness.MarkerDirPath, "a");
        harness.Definition = WorkflowDefinition.Create([a, b, c]);

        var outcome = await harness.RunAsync();

        outcome.Should().Be(RunOutcome.Completed);
        harness.State.Workflow.State.Should().Be(WorkflowState.Completed);
        harness.State.Steps.Select(s => s.State).Should().AllBeEquivalentTo(StepState.Succeeded);
        var succeeded = harness.Journal.Where(e => e.Kind == "step" && e.To == "Succeeded").Select(e => e.Step);
        succeeded.Should().Equal("a", "c", "b");
        harness.Journal.Where(e => e.Kind == "step" && e.Step == "a").Select(e => e.To).Should().Equal("Running", "Succeeded");
    }

    [Fact]
    public async Task A_step_already_in_place_is_skipped_without_applying()
    {
        using var harness = new EngineHarness();
        var a = new ScriptedStep("a", harness.MarkerDirPath);
        harness.Definition = WorkflowDefinition.Create([a]);
        Directory.CreateDirectory(harness.MarkerDirPath);
        File.WriteAllText(Path.Join(harness.MarkerDirPath, "a.done"), "pre-existing");

        await harness.RunAsync();

        harness.State.Step("a").State.Should().Be(StepState.Skipped);
        a.Applies.Should().Be(0);
    }

    [Fact]
    public async Task Steps_needing_a_reboot_are_coalesced_into_one_reboot_and_verified_after_it()
    {
        using var harness = new EngineHarness();
        var first = new ScriptedStep("first", harness.MarkerDirPath) { Outcome = _ => new ApplyResult.NeedsReboot("profile") };
        var second = new ScriptedStep("second", harness.MarkerDirPath) { Outcome = _ => new ApplyResult.NeedsReboot("autologin") };
        var plain = new ScriptedStep("plain", harness.MarkerDirPath);
        var after = new ScriptedStep("after", harness.MarkerDirPath, "first", "second");
        harness.Definition = WorkflowDefinition.Create([first, second, plain, after]);

        var boot1 = await harness.RunAsync();

        boot1.Should().Be(RunOutcome.RebootRequested);
        harness.Power.Requests.Should().ContainSingle();
        harness.State.Step("plain").State.Should().Be(StepState.Succeeded, "steps that need no reboot run before it");
        harness.State.Reboot!.ForSteps.Should().Equal("first", "second");

        harness.Boot.Reboot();
        var boot2 = await harness.RunAsync();

        boot2.Should().Be(RunOutcome.Completed);
        harness.Power.Requests.Should().ContainSingle("one reboot served both steps");
        harness.State.Boots.RebootsRequested.Should().Be(1);
        first.Verifies.Should().Be(1);
        first.Applies.Should().Be(1);
        harness.Journal.Should().Contain(e => e.Kind == "run-started" && e.Reason!.StartsWith("ResumeAfterReboot"));
    }

    [Fact]
    public async Task A_step_that_reboots_by_itself_runs_after_every_other_runnable_step_of_the_boot()
    {
        using var harness = new EngineHarness();
        var upgrade = new ScriptedStep("os-upgrade", harness.MarkerDirPath)
        {
            Traits = new StepTraits { Description = "upgrade", RebootsItself = true },
            Outcome = _ => new ApplyResult.NeedsReboot("installing the update restarts the host"),
        };
        var autologin = new ScriptedStep("autologin", harness.MarkerDirPath) { Outcome = _ => new ApplyResult.NeedsReboot("autologin") };
        var xcode = new ScriptedStep("xcode", harness.MarkerDirPath, "os-upgrade");
        harness.Definition = WorkflowDefinition.Create([upgrade, autologin, xcode]);

        await harness.RunToEndAsync();

        harness.State.Workflow.State.Should().Be(WorkflowState.Completed);
        harness.Power.Requests.Should().ContainSingle();
        var starts = harness.Journal.Where(e => e.Kind == "step" && e.To == "Running" && e.From == "Pending").Select(e => e.Step).ToList();
        starts.IndexOf("autologin").Should().BeLessThan(starts.IndexOf("os-upgrade"));
    }

    [Fact]
    public async Task A_step_that_always_asks_for_a_reboot_halts_after_its_budget_without_another_reboot()
    {
        using var harness = new EngineHarness();
        var stubborn = new ScriptedStep("stubborn", harness.MarkerDirPath) { WriteMarker = false, Outcome = _ => new ApplyResult.NeedsReboot("never enough") };
        harness.Definition = WorkflowDefinition.Create([stubborn]);
        harness.Options = harness.Options with { MaxRebootsPerStep = 2 };

        var outcome = await harness.RunToEndAsync();

        outcome.Should().Be(RunOutcome.Halted);
        harness.Power.Requests.Should().HaveCount(2);
        harness.State.Workflow.Reason.Should().Contain("asked for a reboot 3 times").And.Contain("maxRebootsPerStep");
        harness.State.Workflow.Next.Should().Contain("rig-bootstrap retry stubborn");
    }

    [Fact]
    public async Task A_reboot_that_does_not_happen_is_requested_again_a_bounded_number_of_times_then_halts()
    {
        using var harness = new EngineHarness();
        var step = new ScriptedStep("needs-reboot", harness.MarkerDirPath) { Outcome = _ => new ApplyResult.NeedsReboot("x") };
        harness.Definition = WorkflowDefinition.Create([step]);

        for (var i = 0; i < 3; i++)
        {
            (await harness.RunAsync()).Should().Be(RunOutcome.RebootRequested);
        }

        var last = await harness.RunAsync();

        last.Should().Be(RunOutcome.Halted);
        harness.Power.Requests.Should().HaveCount(3);
        harness.State.Workflow.Reason.Should().Contain("did not restart");
        // Asking again is a reentry of AwaitingReboot, and the halt leaves it directly: no "resuming" hop through Running.
        WorkflowMoves(harness).Should().Equal("Installed -> Running", "Running -> AwaitingReboot", "AwaitingReboot -> Halted");
    }

    [Fact]
    public async Task A_waiting_step_that_then_needs_a_reboot_moves_the_workflow_from_waiting_to_awaiting_reboot_in_one_move()
    {
        using var harness = new EngineHarness();
        var profile = new ScriptedStep("profile", harness.MarkerDirPath)
        {
            WriteMarker = false,
            Outcome = n => n < 3 ? new ApplyResult.WaitUntil("the MDM has not sent the profile", TimeSpan.FromMinutes(5)) : new ApplyResult.NeedsReboot("the profile takes effect at boot"),
        };
        harness.Definition = WorkflowDefinition.Create([profile]);

        var outcome = await harness.RunWithTimeAsync();

        outcome.Should().Be(RunOutcome.RebootRequested);
        profile.Applies.Should().Be(3);
        WorkflowMoves(harness).Should().Equal("Installed -> Running", "Running -> Waiting", "Waiting -> AwaitingReboot");
        harness.Journal.Where(e => e.Kind == "step").Select(e => $"{e.From} -> {e.To}").Should().Equal(
            "Pending -> Running", "Running -> Waiting", "Waiting -> Running", "Running -> Waiting", "Waiting -> Running", "Running -> AwaitingReboot");
    }

    [Fact]
    public async Task Boots_without_progress_halt_with_a_reboot_loop_message()
    {
        using var harness = new EngineHarness();
        var waiting = new ScriptedStep("secrets", harness.MarkerDirPath) { WriteMarker = false, Outcome = _ => new ApplyResult.WaitUntil("recipient not registered", TimeSpan.FromHours(1)) };
        harness.Definition = WorkflowDefinition.Create([waiting]);
        using var cancel = new CancellationTokenSource();

        for (var boot = 0; boot < 4; boot++)
        {
            // Someone reboots the host while the step waits; the run is killed by the reboot.
            // The run either halts or persists the wait and sleeps it out on the fake clock: its timer is the signal.
            var armed = harness.Time.WhenArmed(harness.Time.TimersArmed + 1);
            var run = harness.RunAsync(cancellationToken: cancel.Token);
            await Task.WhenAny(run, armed).WaitAsync(TimeSpan.FromSeconds(10));
            if (harness.State.Workflow.State == WorkflowState.Halted)
            {
                break;
            }

            await cancel.CancelAsync();
            await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
            cancel.TryReset();
            harness.Boot.Reboot();
        }

        harness.State.Workflow.State.Should().Be(WorkflowState.Halted);
        harness.State.Workflow.Reason.Should().StartWith("reboot loop on step secrets")
            .And.EndWith("the step was waiting (recipient not registered) and asked for none of these reboots");
    }

    [Fact]
    public async Task A_failing_step_is_retried_with_backoff_then_halts_keeping_the_evidence()
    {
        using var harness = new EngineHarness();
        var failing = new ScriptedStep("flaky", harness.MarkerDirPath) { WriteMarker = false, Outcome = n => new ApplyResult.Fail($"boom {n}", Retryable: true) };
        harness.Definition = WorkflowDefinition.Create([failing]);

        var outcome = await harness.RunWithTimeAsync();

        outcome.Should().Be(RunOutcome.Halted);
        failing.Applies.Should().Be(3);
        var record = harness.State.Step("flaky");
        record.State.Should().Be(StepState.Failed);
        record.LastError.Should().Be("boom 3");
        harness.State.Workflow.Reason.Should().Contain("flaky failed 3 times: boom 3");
    }

    [Fact]
    public async Task A_step_that_throws_is_a_retryable_failure_not_a_crash_of_the_engine()
    {
        using var harness = new EngineHarness();
        var throwing = new ScriptedStep("throws", harness.MarkerDirPath) { Throws = new InvalidOperationException("tool said no") };
        harness.Definition = WorkflowDefinition.Create([throwing]);

        var outcome = await harness.RunWithTimeAsync();

        outcome.Should().Be(RunOutcome.Halted);
        harness.State.Step("throws").LastError.Should().Be("tool said no");
    }

    [Fact]
    public async Task A_waiting_step_is_checked_again_at_its_next_check_within_the_same_run()
    {
        using var harness = new EngineHarness();
        ScriptedStep? waits = null;
        waits = new ScriptedStep("secrets", harness.MarkerDirPath)
        {
            WriteMarker = false,
            Outcome = n =>
            {
                if (n < 3)
                {
                    return new ApplyResult.WaitUntil("recipient not registered: age1xyz", TimeSpan.FromMinutes(5));
                }

                Directory.CreateDirectory(harness.MarkerDirPath);
                File.WriteAllText(waits!.MarkerPath, "registered");
                return ApplyResult.Succeeded;
            },
        };
        var after = new ScriptedStep("after", harness.MarkerDirPath, "secrets");
        harness.Definition = WorkflowDefinition.Create([waits, after]);

        var outcome = await harness.RunWithTimeAsync();

        outcome.Should().Be(RunOutcome.Completed);
        waits.Applies.Should().Be(3);
        harness.State.Step("secrets").Attempts.Should().Be(1, "waiting is not a failed attempt");
        harness.Journal.Should().Contain(e => e.Kind == "workflow" && e.To == "Waiting" && e.Reason!.Contains("recipient not registered"));
        // Checking the waiting step again is part of the wait: the workflow leaves Waiting once, when the next step runs.
        WorkflowMoves(harness).Should().Equal("Installed -> Running", "Running -> Waiting", "Waiting -> Running", "Running -> HandingOff", "HandingOff -> Completed");
    }

    [Fact]
    public async Task A_crash_loop_in_one_boot_halts_after_the_crash_budget()
    {
        using var harness = new EngineHarness();
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("a", harness.MarkerDirPath) { Traits = new StepTraits { Description = "x", MaxAttempts = 10 } }]);
        harness.Options = harness.Options with { MaxCrashesPerBoot = 3 };

        for (var i = 0; i < 3; i++)
        {
            // Dies right after marking the step Running, every time.
            await FluentActions.Awaiting(() => harness.RunAsync(new CrashAtPersistencePoint(2))).Should().ThrowAsync<PersistencePointCrashException>();
        }

        var outcome = await harness.RunAsync();

        outcome.Should().Be(RunOutcome.Halted);
        harness.State.Workflow.Reason.Should().StartWith("crash loop: the run died 3 times in this boot during step a");
        harness.State.Boots.CrashesThisBoot.Should().Be(3);
    }

    private static List<string> WorkflowMoves(EngineHarness harness) =>
        [.. harness.Journal.Where(e => e.Kind == "workflow").Select(e => $"{e.From} -> {e.To}")];
}
