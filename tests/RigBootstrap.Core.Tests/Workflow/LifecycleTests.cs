using RigBootstrap.Core.State;
using RigBootstrap.Core.Workflow;
using RigBootstrap.StateMachine;

namespace RigBootstrap.Core.Tests.Workflow;

public sealed class LifecycleTests
{
    [Theory]
    [InlineData(StepState.Pending, StepTrigger.Start, StepState.Running)]
    [InlineData(StepState.Running, StepTrigger.Start, StepState.Running)]
    [InlineData(StepState.Running, StepTrigger.FoundSatisfied, StepState.Skipped)]
    [InlineData(StepState.Running, StepTrigger.ParkForReboot, StepState.AwaitingReboot)]
    [InlineData(StepState.AwaitingReboot, StepTrigger.Start, StepState.Running)]
    [InlineData(StepState.Failed, StepTrigger.Start, StepState.Running)]
    [InlineData(StepState.Succeeded, StepTrigger.Reset, StepState.Pending)]
    public void Legal_step_moves_land_where_expected(StepState from, StepTrigger trigger, StepState to) =>
        StepLifecycle.Next(from, trigger).Should().Be(to);

    [Theory]
    [InlineData(StepState.Succeeded, StepTrigger.Start)]
    [InlineData(StepState.Pending, StepTrigger.Verified)]
    [InlineData(StepState.Skipped, StepTrigger.Fail)]
    [InlineData(StepState.Waiting, StepTrigger.Verified)]
    public void An_illegal_step_move_throws(StepState from, StepTrigger trigger)
    {
        var act = () => StepLifecycle.Next(from, trigger);

        act.Should().Throw<InvalidTransitionException>();
    }

    [Fact]
    public void Completed_is_final_and_halted_leaves_only_by_retry()
    {
        WorkflowLifecycle.CanMove(WorkflowState.Completed, WorkflowTrigger.Halt).Should().BeFalse();
        WorkflowLifecycle.CanMove(WorkflowState.Completed, WorkflowTrigger.Start).Should().BeFalse();
        WorkflowLifecycle.CanMove(WorkflowState.Halted, WorkflowTrigger.Start).Should().BeFalse();
        WorkflowLifecycle.Next(WorkflowState.Halted, WorkflowTrigger.Retry).Should().Be(WorkflowState.Running);
    }

    [Fact]
    public void Every_workflow_state_but_completed_can_halt()
    {
        foreach (var state in Enum.GetValues<WorkflowState>().Where(s => s != WorkflowState.Completed))
        {
            WorkflowLifecycle.CanMove(state, WorkflowTrigger.Halt).Should().BeTrue($"{state} must be able to halt");
        }
    }
}
