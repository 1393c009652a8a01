using RigBootstrap.Core.State;
using Stateless;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// The workflow status machine (docs/design.md §3): Installed → Running, then from wherever the workflow is, straight to
/// what happens next (Waiting, AwaitingReboot, HandingOff, Halted) with no hop through Running, so each real change is
/// one journal entry and one event; HandingOff → Completed; Halted leaves only by an operator's Retry.
/// </summary>
public static class WorkflowLifecycle
{
    private static readonly Lifecycle<WorkflowState, WorkflowTrigger> Rules = new("workflow", WorkflowState.Installed, Configure);

    /// <summary>The state a move lands in; throws <see cref="IllegalMoveException"/> for an illegal move.</summary>
    public static WorkflowState Next(WorkflowState from, WorkflowTrigger trigger) => Rules.Next(from, trigger);

    public static bool CanMove(WorkflowState from, WorkflowTrigger trigger) => Rules.CanMove(from, trigger);

    public static IReadOnlyList<WorkflowTrigger> Triggers(WorkflowState from) => Rules.Triggers(from);

    public static string Mermaid() => Rules.Mermaid();

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
        // A run started again in the same boot (a crash, a restart) finds the workflow where the last run left it and
        // decides afresh: the next move starts from there.
        machine.Configure(WorkflowState.Waiting)
            .Permit(WorkflowTrigger.Start, WorkflowState.Running)
            .PermitReentry(WorkflowTrigger.Wait) // a new wait reason
            .Permit(WorkflowTrigger.RequestReboot, WorkflowState.AwaitingReboot)
            .Permit(WorkflowTrigger.BeginHandoff, WorkflowState.HandingOff)
            .Permit(WorkflowTrigger.Halt, WorkflowState.Halted);
        machine.Configure(WorkflowState.AwaitingReboot)
            .Permit(WorkflowTrigger.Start, WorkflowState.Running) // the reboot happened: verify
            .Permit(WorkflowTrigger.Wait, WorkflowState.Waiting)
            .PermitReentry(WorkflowTrigger.RequestReboot) // asked again in the same boot (the host did not restart)
            .Permit(WorkflowTrigger.BeginHandoff, WorkflowState.HandingOff)
            .Permit(WorkflowTrigger.Halt, WorkflowState.Halted);
        machine.Configure(WorkflowState.HandingOff)
            .Permit(WorkflowTrigger.Start, WorkflowState.Running)
            .PermitReentry(WorkflowTrigger.BeginHandoff) // the run died between HandingOff and Completed
            .Permit(WorkflowTrigger.Complete, WorkflowState.Completed)
            .Permit(WorkflowTrigger.Halt, WorkflowState.Halted);
        machine.Configure(WorkflowState.Halted)
            .Permit(WorkflowTrigger.Retry, WorkflowState.Running)
            .PermitReentry(WorkflowTrigger.Halt);
        machine.Configure(WorkflowState.Completed);
    }
}
