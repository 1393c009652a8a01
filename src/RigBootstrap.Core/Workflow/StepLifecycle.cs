using RigBootstrap.Core.State;
using Stateless;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// The per-step status machine (docs/design.md §3.1): every legal move is listed here, any other throws, so a bug
/// in the engine cannot, say, run a Succeeded step again without an operator's reset.
/// </summary>
public static class StepLifecycle
{
    private static readonly Lifecycle<StepState, StepTrigger> Rules = new("step", StepState.Pending, Configure);

    /// <summary>The state a move lands in; throws <see cref="IllegalMoveException"/> for an illegal move.</summary>
    public static StepState Next(StepState from, StepTrigger trigger) => Rules.Next(from, trigger);

    public static bool CanMove(StepState from, StepTrigger trigger) => Rules.CanMove(from, trigger);

    public static IReadOnlyList<StepTrigger> Triggers(StepState from) => Rules.Triggers(from);

    public static string Mermaid() => Rules.Mermaid();

    private static void Configure(StateMachine<StepState, StepTrigger> machine)
    {
        machine.Configure(StepState.Pending)
            .Permit(StepTrigger.Start, StepState.Running)
            .PermitReentry(StepTrigger.Reset);
        machine.Configure(StepState.Running)
            .PermitReentry(StepTrigger.Start) // resumed after a crash or an unplanned reboot: probe again
            .Permit(StepTrigger.FoundSatisfied, StepState.Skipped)
            .Permit(StepTrigger.Verified, StepState.Succeeded)
            .Permit(StepTrigger.Wait, StepState.Waiting)
            .Permit(StepTrigger.ParkForReboot, StepState.AwaitingReboot)
            .Permit(StepTrigger.Fail, StepState.Failed)
            .Permit(StepTrigger.Reset, StepState.Pending);
        machine.Configure(StepState.Waiting)
            .Permit(StepTrigger.Start, StepState.Running)
            .Permit(StepTrigger.Reset, StepState.Pending);
        machine.Configure(StepState.AwaitingReboot)
            .Permit(StepTrigger.Start, StepState.Running) // the reboot happened: verify
            .Permit(StepTrigger.Reset, StepState.Pending);
        machine.Configure(StepState.Failed)
            .Permit(StepTrigger.Start, StepState.Running)
            .Permit(StepTrigger.Reset, StepState.Pending);
        machine.Configure(StepState.Succeeded)
            .Permit(StepTrigger.Reset, StepState.Pending);
        machine.Configure(StepState.Skipped)
            .Permit(StepTrigger.Reset, StepState.Pending);
    }
}
