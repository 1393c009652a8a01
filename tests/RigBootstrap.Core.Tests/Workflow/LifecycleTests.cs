using System.Text.RegularExpressions;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Workflow;

/// <summary>The workflow and step lifecycles as Stateless keeps them (docs/adr/0004-stateless.md).</summary>
public sealed partial class LifecycleTests
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

        act.Should().Throw<IllegalMoveException>().Which.Should().Match<IllegalMoveException>(e =>
            e.Machine == "step" && e.State == from.ToString() && e.Trigger == trigger.ToString());
    }

    [Fact]
    public void A_refused_move_says_what_was_refused_what_was_allowed_and_that_nothing_was_written()
    {
        var act = () => StepLifecycle.Next(StepState.Succeeded, StepTrigger.Start);

        act.Should().Throw<IllegalMoveException>().WithMessage(
            "Refused step move: the step lifecycle has no move 'Start' from state 'Succeeded'; moves allowed from 'Succeeded': Reset. " +
            "Nothing was written.*docs/workflow.md*");
    }

    [Fact]
    public void A_refused_move_from_a_final_state_says_the_state_is_final()
    {
        var act = () => WorkflowLifecycle.Next(WorkflowState.Completed, WorkflowTrigger.Halt);

        act.Should().Throw<IllegalMoveException>().WithMessage("*no move 'Halt' from state 'Completed'; moves allowed from 'Completed': none (the state is final)*");
    }

    [Fact]
    public void A_move_held_back_by_a_guard_names_the_guard()
    {
        var unlocked = false;
        var lifecycle = new Lifecycle<StepState, StepTrigger>("test", StepState.Pending, machine =>
            machine.Configure(StepState.Pending).PermitIf(StepTrigger.Start, StepState.Running, () => unlocked, "the door is unlocked"));

        var refused = () => lifecycle.Next(StepState.Pending, StepTrigger.Start);

        refused.Should().Throw<IllegalMoveException>()
            .WithMessage("*allows 'Start' from state 'Pending' only when 'the door is unlocked' holds, and it does not*")
            .Which.UnmetGuards.Should().Equal("the door is unlocked");
        lifecycle.CanMove(StepState.Pending, StepTrigger.Start).Should().BeFalse();
        unlocked = true;
        lifecycle.Next(StepState.Pending, StepTrigger.Start).Should().Be(StepState.Running);
    }

    [Fact]
    public void A_move_reads_the_state_it_is_given_and_keeps_none()
    {
        // The state file is the single source of truth: the same question from another state gets another answer.
        WorkflowLifecycle.Next(WorkflowState.Running, WorkflowTrigger.Wait).Should().Be(WorkflowState.Waiting);
        WorkflowLifecycle.Next(WorkflowState.Halted, WorkflowTrigger.Retry).Should().Be(WorkflowState.Running);
        WorkflowLifecycle.CanMove(WorkflowState.Running, WorkflowTrigger.Retry).Should().BeFalse();
    }

    [Fact]
    public void Completed_is_final_and_halted_leaves_only_by_retry()
    {
        WorkflowLifecycle.CanMove(WorkflowState.Completed, WorkflowTrigger.Halt).Should().BeFalse();
        WorkflowLifecycle.CanMove(WorkflowState.Completed, WorkflowTrigger.Start).Should().BeFalse();
        WorkflowLifecycle.CanMove(WorkflowState.Halted, WorkflowTrigger.Start).Should().BeFalse();
        WorkflowLifecycle.Triggers(WorkflowState.Completed).Should().BeEmpty();
        WorkflowLifecycle.Triggers(WorkflowState.Halted).Should().BeEquivalentTo([WorkflowTrigger.Retry, WorkflowTrigger.Halt]);
        WorkflowLifecycle.Next(WorkflowState.Halted, WorkflowTrigger.Retry).Should().Be(WorkflowState.Running);
    }

    [Fact]
    public void Every_workflow_state_but_completed_can_halt_directly()
    {
        foreach (var state in Enum.GetValues<WorkflowState>().Where(s => s != WorkflowState.Completed))
        {
            WorkflowLifecycle.Next(state, WorkflowTrigger.Halt).Should().Be(WorkflowState.Halted, $"{state} must be able to halt in one move");
        }
    }

    [Theory]
    [InlineData(WorkflowState.Waiting, WorkflowTrigger.RequestReboot, WorkflowState.AwaitingReboot)]
    [InlineData(WorkflowState.Waiting, WorkflowTrigger.BeginHandoff, WorkflowState.HandingOff)]
    [InlineData(WorkflowState.AwaitingReboot, WorkflowTrigger.Wait, WorkflowState.Waiting)]
    [InlineData(WorkflowState.AwaitingReboot, WorkflowTrigger.RequestReboot, WorkflowState.AwaitingReboot)]
    [InlineData(WorkflowState.AwaitingReboot, WorkflowTrigger.BeginHandoff, WorkflowState.HandingOff)]
    [InlineData(WorkflowState.HandingOff, WorkflowTrigger.BeginHandoff, WorkflowState.HandingOff)]
    public void The_workflow_moves_straight_to_where_it_is_going_without_a_hop_through_running(WorkflowState from, WorkflowTrigger trigger, WorkflowState to) =>
        WorkflowLifecycle.Next(from, trigger).Should().Be(to);

    [Fact]
    public void Every_workflow_move_of_the_previous_build_is_still_allowed()
    {
        // State files written before Stateless name the same states; every exit they had still exists, so a host
        // upgraded mid-workflow resumes where it was (the new moves only add shortcuts).
        (WorkflowState From, WorkflowTrigger Trigger, WorkflowState To)[] previous =
        [
            (WorkflowState.Installed, WorkflowTrigger.Start, WorkflowState.Running), (WorkflowState.Installed, WorkflowTrigger.Halt, WorkflowState.Halted),
            (WorkflowState.Running, WorkflowTrigger.Start, WorkflowState.Running), (WorkflowState.Running, WorkflowTrigger.Wait, WorkflowState.Waiting),
            (WorkflowState.Running, WorkflowTrigger.RequestReboot, WorkflowState.AwaitingReboot), (WorkflowState.Running, WorkflowTrigger.BeginHandoff, WorkflowState.HandingOff),
            (WorkflowState.Running, WorkflowTrigger.Halt, WorkflowState.Halted), (WorkflowState.Waiting, WorkflowTrigger.Start, WorkflowState.Running),
            (WorkflowState.Waiting, WorkflowTrigger.Wait, WorkflowState.Waiting), (WorkflowState.Waiting, WorkflowTrigger.Halt, WorkflowState.Halted),
            (WorkflowState.AwaitingReboot, WorkflowTrigger.Start, WorkflowState.Running), (WorkflowState.AwaitingReboot, WorkflowTrigger.RequestReboot, WorkflowState.AwaitingReboot),
            (WorkflowState.AwaitingReboot, WorkflowTrigger.Halt, WorkflowState.Halted), (WorkflowState.HandingOff, WorkflowTrigger.Start, WorkflowState.Running),
            (WorkflowState.HandingOff, WorkflowTrigger.Complete, WorkflowState.Completed), (WorkflowState.HandingOff, WorkflowTrigger.Halt, WorkflowState.Halted),
            (WorkflowState.Halted, WorkflowTrigger.Retry, WorkflowState.Running), (WorkflowState.Halted, WorkflowTrigger.Halt, WorkflowState.Halted),
        ];

        foreach (var (from, trigger, to) in previous)
        {
            WorkflowLifecycle.Next(from, trigger).Should().Be(to, $"{from} --{trigger}--> {to} was legal before");
        }

        Enum.GetNames<WorkflowState>().Should().Equal("Installed", "Running", "Waiting", "AwaitingReboot", "HandingOff", "Completed", "Halted");
        Enum.GetNames<StepState>().Should().Equal("Pending", "Running", "Succeeded", "Skipped", "Waiting", "AwaitingReboot", "Failed");
    }

    [Fact]
    public void The_exported_graphs_draw_exactly_the_moves_the_rules_allow()
    {
        DrawnMoves(WorkflowLifecycle.Mermaid()).Should().BeEquivalentTo(AllowedMoves<WorkflowState, WorkflowTrigger>(WorkflowLifecycle.CanMove, WorkflowLifecycle.Next));
        DrawnMoves(StepLifecycle.Mermaid()).Should().BeEquivalentTo(AllowedMoves<StepState, StepTrigger>(StepLifecycle.CanMove, StepLifecycle.Next));
        WorkflowLifecycle.Mermaid().Should().StartWith("stateDiagram-v2").And.Contain("[*] --> Installed");
        StepLifecycle.Mermaid().Should().Contain("[*] --> Pending");
    }

    private static List<string> DrawnMoves(string mermaid) =>
        [.. mermaid.Split('\n').Select(line => MoveLine().Match(line)).Where(m => m.Success).Select(m => $"{m.Groups[1].Value} -{m.Groups[3].Value}-> {m.Groups[2].Value}")];

    private static List<string> AllowedMoves<TState, TTrigger>(Func<TState, TTrigger, bool> canMove, Func<TState, TTrigger, TState> next)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        [.. from state in Enum.GetValues<TState>()
            from trigger in Enum.GetValues<TTrigger>()
            where canMove(state, trigger)
            select $"{state} -{trigger}-> {next(state, trigger)}"];

    [GeneratedRegex(@"^\s*(\w+) --> (\w+) : (\w+)\s*$")]
    private static partial Regex MoveLine();
}
