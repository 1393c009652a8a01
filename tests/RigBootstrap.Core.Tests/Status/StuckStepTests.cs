using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;

namespace RigBootstrap.Core.Tests.Status;

public sealed class StuckStepTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static StateFile State(WorkflowState workflow, DateTimeOffset? lastProgressAt, params StepRecord[] steps) => new()
    {
        Version = "test",
        Label = "com.rig.bootstrap",
        WorkflowVersion = "v1",
        Workflow = new WorkflowStatus { State = workflow, Since = Start, Reason = "r" },
        BootId = "boot-1",
        Steps = [.. steps],
        LastProgressAt = lastProgressAt,
        UpdatedAt = Start,
    };

    private static StepRecord Step(string id, StepState state, DateTimeOffset since) => new() { Id = id, State = state, Since = since };

    [Fact]
    public void A_wait_that_rechecks_every_few_minutes_is_still_stuck_since_the_last_finished_step()
    {
        // Arrange: the waiting step's own since is a minute old, because each check moves it.
        var now = Start.AddHours(3).AddMinutes(2);
        var state = State(WorkflowState.Waiting, Start,
            Step("age-key", StepState.Succeeded, Start), Step("secrets", StepState.Waiting, now.AddMinutes(-1)));

        // Act
        var stuck = StuckStep.Find(state, now, StuckStep.DefaultDeadline);

        // Assert
        stuck.Should().Be(new StuckStep("secrets", StepState.Waiting, TimeSpan.FromMinutes(182), Start));
    }

    [Fact]
    public void A_running_step_is_named_before_a_waiting_one()
    {
        var state = State(WorkflowState.Running, Start,
            Step("tcc", StepState.Waiting, Start), Step("xcode", StepState.Running, Start));

        var stuck = StuckStep.Find(state, Start.AddHours(5), StuckStep.DefaultDeadline);

        stuck!.StepId.Should().Be("xcode");
    }

    [Fact]
    public void Without_any_finished_step_the_earliest_step_since_stands_for_the_start()
    {
        var state = State(WorkflowState.Installed, null, Step("first", StepState.Pending, Start), Step("second", StepState.Pending, Start.AddMinutes(5)));

        var stuck = StuckStep.Find(state, Start.AddHours(4), StuckStep.DefaultDeadline);

        stuck.Should().Be(new StuckStep("first", StepState.Pending, TimeSpan.FromHours(4), Start));
    }

    [Fact]
    public void Progress_within_the_deadline_is_not_stuck()
    {
        var state = State(WorkflowState.Running, Start, Step("xcode", StepState.Running, Start));

        StuckStep.Find(state, Start.AddHours(2), StuckStep.DefaultDeadline).Should().BeNull("exactly the deadline is not past it");
    }

    [Theory]
    [InlineData(WorkflowState.Completed)]
    [InlineData(WorkflowState.Halted)]
    public void A_final_workflow_is_never_stuck(WorkflowState workflow)
    {
        var state = State(workflow, Start, Step("xcode", StepState.Failed, Start));

        StuckStep.Find(state, Start.AddDays(30), StuckStep.DefaultDeadline).Should().BeNull();
    }
}
