using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.Operator;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Operator;

/// <summary>retry and reset on a simulated Mac where rig-bootstrap was installed and then halted on a failing command.</summary>
public sealed class OperatorActionsTests
{
    // "fragile" fails until the operator creates $RIG_HOST_ROOT/fixed, and has no retries of its own.
    private const string HaltingConfig = """
        {
          "agent": { "user": "rig", "home": "/Users/rig" },
          "commands": [
            { "id": "fragile", "retry": { "attempts": 1 },
              "run": ["/bin/sh", "-c", "test -f \"$RIG_HOST_ROOT/fixed\" || { echo 'the cause is not fixed' >&2; exit 1; }"] },
            { "id": "after", "dependsOn": ["fragile"], "run": ["/bin/true"] }
          ]
        }
        """;

    private static async Task<InstalledHost> HaltedHostAsync()
    {
        var host = await InstalledHost.InstallAsync(HaltingConfig);
        (await host.RunAsync()).Should().Be(RunOutcome.Halted);
        return host;
    }

    private static OperatorActions Actions(InstalledHost host) => new(host.Services, "test");

    [Fact]
    public async Task A_failed_command_with_one_attempt_halts_the_workflow_with_its_error()
    {
        using var host = await HaltedHostAsync();

        host.State.Workflow.State.Should().Be(WorkflowState.Halted);
        host.State.Step("fragile").Should().BeEquivalentTo(new { State = StepState.Failed, Attempts = 1, LastError = "`/bin/sh` exited 1: the cause is not fixed" });
        host.State.Step("after").State.Should().Be(StepState.Pending);
    }

    [Fact]
    public async Task Retry_after_fixing_the_cause_makes_the_step_pending_journals_it_and_the_next_run_completes()
    {
        using var host = await HaltedHostAsync();
        File.WriteAllText(Path.Join(host.Root.Paths.RootDirPath, "fixed"), "");

        var message = await Actions(host).RetryAsync("fragile", CancellationToken.None);

        message.Should().Be("fragile is Pending again; the workflow is Running");
        host.State.Workflow.State.Should().Be(WorkflowState.Running);
        host.State.Step("fragile").Should().BeEquivalentTo(new { State = StepState.Pending, Attempts = 0, NextCheck = (DateTimeOffset?)null });
        host.Journal.Should().Contain(e => e.Kind == "operator" && e.Step == "fragile" && e.Reason == "retry fragile");
        (await host.Services.ServiceManager.GetStatusAsync(InstalledHost.Label, CancellationToken.None))!.Runs.Should().Be(2, "the daemon was kickstarted");

        var outcome = await host.RunAsync();

        outcome.Should().Be(RunOutcome.Completed);
        host.State.Steps.Select(s => s.State).Should().Equal(StepState.Succeeded, StepState.Succeeded);
    }

    [Fact]
    public async Task Retrying_an_unknown_step_lists_the_steps_and_changes_nothing()
    {
        using var host = await HaltedHostAsync();
        var before = host.Snapshot();

        var act = () => Actions(host).RetryAsync("nope", CancellationToken.None);

        (await act.Should().ThrowAsync<UnknownStepException>()).Which.Message.Should().Be("there is no step 'nope'; the steps are: fragile, after");
        host.Snapshot().Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Reset_all_starts_from_a_fresh_state_and_keeps_the_journal()
    {
        using var host = await HaltedHostAsync();
        var journalBefore = host.Journal;

        await Actions(host).ResetAllAsync(CancellationToken.None);

        host.State.Workflow.State.Should().Be(WorkflowState.Installed);
        host.State.Steps.Should().AllSatisfy(s => s.Should().BeEquivalentTo(new { State = StepState.Pending, Attempts = 0, LastError = (string?)null }));
        host.Journal.Take(journalBefore.Count).Should().BeEquivalentTo(journalBefore, o => o.WithStrictOrdering());
        host.Journal.Last().Should().BeEquivalentTo(new { Kind = "operator", Reason = "reset --all: the workflow starts over" });
    }

    [Fact]
    public async Task Reset_of_one_step_clears_its_error_so_it_runs_again_from_its_probe()
    {
        using var host = await HaltedHostAsync();

        await Actions(host).ResetStepAsync("fragile", CancellationToken.None);

        host.State.Step("fragile").Should().BeEquivalentTo(new { State = StepState.Pending, Attempts = 0, LastError = (string?)null });
        host.Journal.Should().Contain(e => e.Kind == "operator" && e.Reason == "reset fragile");
    }

    [Theory]
    [InlineData("retry", "fragile Failed->Pending", "workflow Halted->Running")]
    [InlineData("reset", "fragile Failed->Pending", "workflow Halted->Running")]
    [InlineData("reset --all", "workflow Halted->Installed")]
    public async Task Operator_actions_are_events_too_through_the_journal(string action, params string[] expected)
    {
        // Arrange: everything the run journaled is delivered already.
        using var host = await HaltedHostAsync();
        var outbox = RigBootstrap.Core.Events.EventOutbox.Open(host.Root.Paths, "mini-07", InstalledHost.Label, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        foreach (var delivered in outbox.Pending())
        {
            outbox.MarkDelivered(delivered);
        }

        // Act
        _ = action switch
        {
            "retry" => await Actions(host).RetryAsync("fragile", CancellationToken.None),
            "reset" => await Actions(host).ResetStepAsync("fragile", CancellationToken.None),
            _ => await Actions(host).ResetAllAsync(CancellationToken.None),
        };

        // Assert
        outbox.Pending().Select(e => $"{e.Step ?? "workflow"} {e.From}->{e.To}").Should().Equal(expected);
    }

    [Fact]
    public async Task Retry_while_a_run_holds_the_lock_is_refused_and_changes_nothing()
    {
        using var host = await HaltedHostAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var held = await ExclusiveFileLock.TryAcquireAsync(host.Root.Paths.LockPath, TimeSpan.Zero, time, CancellationToken.None);
        var before = host.Snapshot();

        var act = () => time.AdvanceUntilDoneAsync(new OperatorActions(host.Services with { Time = time }, "test").RetryAsync("fragile", CancellationToken.None), TimeSpan.FromSeconds(1));

        await act.Should().ThrowAsync<LockBusyException>();
        host.Snapshot().Should().BeEquivalentTo(before);
    }
}
