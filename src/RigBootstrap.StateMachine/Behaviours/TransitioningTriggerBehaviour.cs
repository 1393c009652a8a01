namespace RigBootstrap.StateMachine;

/// <summary>A <c>Permit</c> or <c>PermitIf</c> rule: the trigger moves the machine to another state.</summary>
internal sealed class TransitioningTriggerBehaviour<TState, TTrigger> : TriggerBehaviour<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    public TransitioningTriggerBehaviour(TTrigger trigger, TState destination, TransitionGuard? guard)
        : base(trigger, guard)
    {
        Destination = destination;
    }

    public TState Destination { get; }

    public override string RuleName => IsGuarded ? "PermitIf" : "Permit";
}
