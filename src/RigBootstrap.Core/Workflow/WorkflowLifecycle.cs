using RigBootstrap.Core.State;
using RigBootstrap.StateMachine;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// The workflow status machine (docs/design.md §3): Installed → Running ⇄ Waiting → AwaitingReboot → Running … →
/// HandingOff → Completed, and Halted from anywhere but Completed.
/// </summary>
public static class WorkflowLifecycle
{
    private static readonly Lifecycle<WorkflowState, WorkflowTrigger> Rules = new(WorkflowState.Installed, Configure);

    /// <summary>The state a move lands in; throws InvalidTransitionException for an illegal move.</summary>
    public static WorkflowState Next(WorkflowState from, WorkflowTrigger trigger) => Rules.Next(from, trigger);

    public static bool CanMove(WorkflowState from, WorkflowTrigger trigger) => Rules.CanMove(from, trigger);

    public static MachineDescription<WorkflowState, WorkflowTrigger> Describe() => Rules.Describe();

    private static void Configure(StateMachine<WorkflowState, WorkflowTrigger> machine)
    {
        machine.Configure(WorkflowState.Installed)
            .Permit(WorkflowTrigger.Start, WorkflowState.Running)
            .Permit(WorkflowTrigger.Halt, WorkflowState.Halted);
        machine.Configure(WorkflowState.Running)
            .PermitReentry(WorkflowTrigger.Start)
            .Permit(WorkflowTrigger.Wait, WorkflowState.Waiting)
            .Permit(WorkflowTrigger.RequestReboot, WorkflowState.AwaitingReboot)
            .Permit(WorkflowTrigger.BeginHandoff, WorkflowState.HandingOff)
            .Permit(WorkflowTrigger.Halt, WorkflowState.Halted);
        machine.Configure(WorkflowState.Waiting)
            .Permit(WorkflowTrigger.Start, WorkflowState.Running)
            .PermitReentry(WorkflowTrigger.Wait)
            .Permit(WorkflowTrigger.Halt, WorkflowState.Halted);
        machine.Configure(WorkflowState.AwaitingReboot)
            .Permit(WorkflowTrigger.Start, WorkflowState.Running)
            .PermitReentry(WorkflowTrigger.RequestReboot)
            .Permit(WorkflowTrigger.Halt, WorkflowState.Halted);
        machine.Configure(WorkflowState.HandingOff)
            .Permit(WorkflowTrigger.Start, WorkflowState.Running)
            .Permit(WorkflowTrigger.Complete, WorkflowState.Completed)
            .Permit(WorkflowTrigger.Halt, WorkflowState.Halted);
        machine.Configure(WorkflowState.Halted)
            .Permit(WorkflowTrigger.Retry, WorkflowState.Running)
            .PermitReentry(WorkflowTrigger.Halt);
        machine.Configure(WorkflowState.Completed);
    }
}
