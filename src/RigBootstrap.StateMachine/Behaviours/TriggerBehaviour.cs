namespace RigBootstrap.StateMachine;

/// <summary>One configured rule for a trigger in one state: move, re-enter or ignore.</summary>
internal abstract class TriggerBehaviour<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    protected TriggerBehaviour(TTrigger trigger, TransitionGuard? guard)
    {
        Trigger = trigger;
        Guard = guard;
    }

    public TTrigger Trigger { get; }

    /// <summary>Null for unguarded rules, which always apply.</summary>
    public TransitionGuard? Guard { get; }

    public bool IsGuarded => Guard is not null;

    /// <summary>The configuration method that created the rule, for error messages.</summary>
    public abstract string RuleName { get; }

    public bool Handles(TTrigger trigger) => EqualityComparer<TTrigger>.Default.Equals(Trigger, trigger);

    public bool GuardPasses() => Guard is null || Guard.IsMet();
}
