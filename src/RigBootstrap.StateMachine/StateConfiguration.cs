using System.Collections.Immutable;

namespace RigBootstrap.StateMachine;

/// <summary>The rules and actions of one state, built fluently through <c>StateMachine.Configure</c>.</summary>
/// <remarks>
/// A trigger has either exactly one unguarded rule (<c>Permit</c>, <c>PermitReentry</c> or <c>Ignore</c>) or
/// one or more <c>PermitIf</c> rules. Anything else is ambiguous and throws <see cref="ArgumentException"/>
/// here, at configuration time, rather than on some later <c>Fire</c>.
/// </remarks>
public sealed partial class StateConfiguration<TState, TTrigger>
    where TState : notnull
    where TTrigger : notnull
{
    private ImmutableArray<TriggerBehaviour<TState, TTrigger>> _behaviours = [];
    private ImmutableArray<EntryFromAction<TState, TTrigger>> _entryFromActions = [];
    private ImmutableArray<StateAction<TState, TTrigger>> _entryActions = [];
    private ImmutableArray<StateAction<TState, TTrigger>> _exitActions = [];

    internal StateConfiguration(TState state)
    {
        State = state;
    }

    internal TState State { get; }

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired.</summary>
    public StateConfiguration<TState, TTrigger> Permit(TTrigger trigger, TState destination)
    {
        EnsureLeavesState(trigger, destination, nameof(Permit));
        return Add(new TransitioningTriggerBehaviour<TState, TTrigger>(trigger, destination, guard: null));
    }

    /// <summary>Moves to <paramref name="destination"/> when <paramref name="trigger"/> is fired and <paramref name="guard"/> returns true.</summary>
    public StateConfiguration<TState, TTrigger> PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string guardDescription)
    {
        ArgumentNullException.ThrowIfNull(guard);
        ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);
        EnsureLeavesState(trigger, destination, nameof(PermitIf));
        var transitionGuard = new TransitionGuard(guard, guardDescription);
        return Add(new TransitioningTriggerBehaviour<TState, TTrigger>(trigger, destination, transitionGuard));
    }

    /// <summary>Leaves and re-enters this state on <paramref name="trigger"/>: exit and entry actions run.</summary>
    public StateConfiguration<TState, TTrigger> PermitReentry(TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return Add(new ReentryTriggerBehaviour<TState, TTrigger>(trigger));
    }

    /// <summary>Accepts <paramref name="trigger"/> in this state without a transition, actions or an error.</summary>
    public StateConfiguration<TState, TTrigger> Ignore(TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return Add(new IgnoredTriggerBehaviour<TState, TTrigger>(trigger));
    }

    /// <summary>Runs <paramref name="action"/> whenever this state is entered, after any <c>OnEntryFrom</c> actions.</summary>
    public StateConfiguration<TState, TTrigger> OnEntry(Action<Transition<TState, TTrigger>> action, string? description = null)
    {
        _entryActions = _entryActions.Add(StateAction<TState, TTrigger>.Create(action, description));
        return this;
    }

    /// <summary>Runs <paramref name="action"/> when this state is entered through <paramref name="trigger"/>.</summary>
    public StateConfiguration<TState, TTrigger> OnEntryFrom(TTrigger trigger, Action<Transition<TState, TTrigger>> action, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var entryAction = StateAction<TState, TTrigger>.Create(action, description);
        _entryFromActions = _entryFromActions.Add(new EntryFromAction<TState, TTrigger>(trigger, entryAction));
        return this;
    }

    /// <summary>Runs <paramref name="action"/> whenever this state is left, re-entry included.</summary>
    public StateConfiguration<TState, TTrigger> OnExit(Action<Transition<TState, TTrigger>> action, string? description = null)
    {
        _exitActions = _exitActions.Add(StateAction<TState, TTrigger>.Create(action, description));
        return this;
    }

    private void EnsureLeavesState(TTrigger trigger, TState destination, string ruleName)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(destination);

        // A self-transition through Permit would hide the fact that exit and entry actions run; say it explicitly.
        if (EqualityComparer<TState>.Default.Equals(State, destination))
        {
            throw new ArgumentException(
                $"State '{State}': {ruleName}('{trigger}') targets the state itself. " +
                "Use PermitReentry to leave and re-enter it, or Ignore to accept the trigger without a transition.",
                nameof(destination));
        }
    }

    private StateConfiguration<TState, TTrigger> Add(TriggerBehaviour<TState, TTrigger> behaviour)
    {
        var existing = _behaviours.Where(rule => rule.Handles(behaviour.Trigger)).ToImmutableArray();
        var onlyGuardedRules = behaviour.IsGuarded && existing.All(rule => rule.IsGuarded);
        if (!existing.IsEmpty && !onlyGuardedRules)
        {
            var existingRules = string.Join(", ", existing.Select(rule => rule.RuleName).Distinct());
            throw new ArgumentException(
                $"State '{State}' already has {existingRules} for trigger '{behaviour.Trigger}', so adding " +
                $"{behaviour.RuleName} would make the trigger ambiguous. Configure a trigger once per state, " +
                "or only with PermitIf rules whose guards exclude each other.",
                "trigger");
        }

        _behaviours = _behaviours.Add(behaviour);
        return this;
    }
}
