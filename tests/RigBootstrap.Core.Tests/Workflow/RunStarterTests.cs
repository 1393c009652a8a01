using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Workflow;

public sealed class RunStarterTests
{
    [Fact]
    public async Task A_step_added_to_the_config_starts_pending_and_runs()
    {
        using var harness = new EngineHarness();
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("a", harness.MarkerDirPath)]);
        await harness.RunAsync();
        var added = new ScriptedStep("b", harness.MarkerDirPath, "a");
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("a", harness.MarkerDirPath), added]);
        var state = harness.State with { Workflow = harness.State.Workflow with { State = WorkflowState.Running } };
        harness.Store.Save(state);

        await harness.RunAsync();

        harness.State.Step("b").State.Should().Be(StepState.Succeeded);
        harness.Journal.Should().Contain(e => e.Kind == "migrated" && e.Reason!.Contains("b"));
    }

    [Fact]
    public async Task A_step_removed_from_the_config_halts_instead_of_guessing()
    {
        using var harness = new EngineHarness();
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("a", harness.MarkerDirPath) { Outcome = _ => new ApplyResult.NeedsReboot("x") }, new ScriptedStep("b", harness.MarkerDirPath)]);
        await harness.RunAsync();
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("b", harness.MarkerDirPath)]);

        var outcome = await harness.RunAsync();

        outcome.Should().Be(RunOutcome.Halted);
        harness.State.Workflow.Reason.Should().Contain("step(s) a that the config no longer defines");
    }

    [Fact]
    public async Task A_reboot_nobody_asked_for_is_recorded_and_an_interrupted_step_is_probed_again()
    {
        using var harness = new EngineHarness();
        var step = new ScriptedStep("a", harness.MarkerDirPath);
        harness.Definition = WorkflowDefinition.Create([step]);
        // The first process dies right after persisting "a Running" (point 2), then the host loses power.
        await FluentActions.Awaiting(() => harness.RunAsync(new CrashAtPersistencePoint(2))).Should().ThrowAsync<PersistencePointCrashException>();
        harness.Boot.Reboot();

        await harness.RunAsync();

        harness.Journal.Should().Contain(e => e.Kind == "run-started" && e.Reason!.StartsWith("UnexpectedReboot"));
        harness.State.Step("a").Attempts.Should().Be(2);
        step.Applies.Should().Be(1);
        harness.State.Boots.CrashesThisBoot.Should().Be(0, "a new boot resets the crash counter");
    }

    [Fact]
    public async Task The_first_journal_line_of_a_new_boot_carries_that_boots_id()
    {
        using var harness = new EngineHarness();
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("a", harness.MarkerDirPath) { Outcome = _ => new ApplyResult.NeedsReboot("x") }]);
        await harness.RunAsync();
        harness.Boot.Reboot();

        await harness.RunAsync();

        harness.Journal.Single(e => e.Kind == "run-started" && e.Reason!.StartsWith("ResumeAfterReboot")).BootId.Should().Be("boot-2");
    }

    [Fact]
    public async Task A_new_boot_checks_a_waiting_step_at_once_while_a_restart_in_the_same_boot_keeps_its_back_off()
    {
        // Arrange
        using var harness = new EngineHarness();
        var waiting = await StartWaitingAnHourAsync(harness);

        // Act: launchd restarts the run in the same boot, then the host reboots.
        await RunUntilAsync(harness, () => RunsStarted(harness) == 2 && IsWaiting(harness));
        var appliesAfterRestart = waiting.Applies;
        harness.Boot.Reboot();
        await RunUntilAsync(harness, () => waiting.Applies == 2 && IsWaiting(harness));

        // Assert
        appliesAfterRestart.Should().Be(1, "a restart in the same boot keeps the hour's back-off");
        harness.State.Step("secrets").NextCheck.Should().Be(harness.Time.GetUtcNow() + TimeSpan.FromHours(1));
        harness.Journal.Should().ContainSingle(e => e.Kind == "recheck").Which.Reason.Should().Contain("secrets");
    }

    [Fact]
    public async Task A_halted_workflow_is_not_rechecked_at_a_new_boot()
    {
        // Arrange: the step waits, then a halt (a reboot loop, say) stops the workflow.
        using var harness = new EngineHarness();
        var waiting = await StartWaitingAnHourAsync(harness);
        harness.Store.Save(harness.State with { Workflow = harness.State.Workflow with { State = WorkflowState.Halted } });

        // Act
        harness.Boot.Reboot();
        var outcome = await harness.RunAsync();

        // Assert
        outcome.Should().Be(RunOutcome.Halted);
        waiting.Applies.Should().Be(1);
        harness.Journal.Should().NotContain(e => e.Kind == "recheck", "a halted workflow waits for the operator, not for a check");
    }

    /// <summary>A `secrets` step that waits an hour at every check, run until it waits the first time.</summary>
    private static async Task<ScriptedStep> StartWaitingAnHourAsync(EngineHarness harness)
    {
        var waiting = new ScriptedStep("secrets", harness.MarkerDirPath) { WriteMarker = false, Outcome = _ => new ApplyResult.WaitUntil("recipient not registered", TimeSpan.FromHours(1)) };
        harness.Definition = WorkflowDefinition.Create([waiting]);
        await RunUntilAsync(harness, () => waiting.Applies == 1 && IsWaiting(harness));
        return waiting;
    }

    private static bool IsWaiting(EngineHarness harness) => harness.State.Workflow.State == WorkflowState.Waiting;

    private static int RunsStarted(EngineHarness harness) => harness.Journal.Count(e => e.Kind == "run-started");

    /// <summary>Runs until <paramref name="settled"/> holds (the engine then sleeps in its wait), and stops the run as launchd or a reboot would.</summary>
    private static async Task RunUntilAsync(EngineHarness harness, Func<bool> settled)
    {
        using var cancel = new CancellationTokenSource();
        var run = harness.RunAsync(cancellationToken: cancel.Token);
        while (!settled() && !run.IsCompleted)
        {
            await Task.Delay(10);
        }

        await cancel.CancelAsync();
        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
    }
}
