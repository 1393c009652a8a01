namespace RigBootstrap.StateMachine;

/// <summary>A <c>PermitReentry</c> rule: the machine leaves and re-enters its own state.</summary>
internal sealed class ReentryTriggerBehaviour<TState, TTrigger> : TriggerBehaviour<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    public ReentryTriggerBehaviour(TTrigger trigger)
        : base(trigger, guard: null)
    {
    }

    public override string RuleName => "PermitReentry";
}
