namespace RigBootstrap.StateMachine;

/// <summary>An <c>Ignore</c> rule: the trigger is accepted and does nothing.</summary>
internal sealed class IgnoredTriggerBehaviour<TState, TTrigger> : TriggerBehaviour<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    public IgnoredTriggerBehaviour(TTrigger trigger)
        : base(trigger, guard: null)
    {
    }

    public override string RuleName => "Ignore";
}
