using RigBootstrap.Core.State;
using RigBootstrap.StateMachine;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// The workflow status machine (DESIGN §3): Installed → Running ⇄ Waiting → AwaitingReboot → Running … →
/// HandingOff → Completed, and Halted from anywhere but Completed.
/// </summary>
public static class WorkflowLifecycle
{
    public static WorkflowState Next(WorkflowState from, WorkflowTrigger trigger)
    {
        var state = from;
        var machine = new StateMachine<WorkflowState, WorkflowTrigger>(() => state, s => state = s);
        Configure(machine);
        machine.Fire(trigger);
        return state;
    }

    public static bool CanMove(WorkflowState from, WorkflowTrigger trigger)
    {
        var machine = new StateMachine<WorkflowState, WorkflowTrigger>(from);
        Configure(machine);
        return machine.CanFire(trigger);
    }

    public static MachineDescription<WorkflowState, WorkflowTrigger> Describe()
    {
        var machine = new StateMachine<WorkflowState, WorkflowTrigger>(WorkflowState.Installed);
        Configure(machine);
        return machine.Describe();
    }

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
