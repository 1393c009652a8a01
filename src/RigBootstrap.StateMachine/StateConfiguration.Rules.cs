using System.Collections.Immutable;

namespace RigBootstrap.StateMachine;

// The machine's view of a configuration: resolving triggers, running actions and describing the state.
public sealed partial class StateConfiguration<TState, TTrigger>
{
    internal IEnumerable<TTrigger> ConfiguredTriggers =>
        _behaviours.Select(rule => rule.Trigger).Distinct(EqualityComparer<TTrigger>.Default);

    internal IEnumerable<TState> Destinations =>
        _behaviours.OfType<TransitioningTriggerBehaviour<TState, TTrigger>>().Select(rule => rule.Destination);

    /// <summary>Evaluates each guard for <paramref name="trigger"/> once and decides what firing it would do.</summary>
    internal TriggerResolution<TState> Resolve(TTrigger trigger)
    {
        var rules = _behaviours.Where(rule => rule.Handles(trigger)).ToImmutableArray();
        if (rules.Length == 1 && rules[0] is IgnoredTriggerBehaviour<TState, TTrigger>)
        {
            return new TriggerResolution<TState>.Ignored();
        }

        var passing = rules.Where(rule => rule.GuardPasses()).ToImmutableArray();
        var unmetGuards = rules.Except(passing).Select(rule => rule.Guard!.Description).ToImmutableArray();
        return passing.Length switch
        {
            0 => new TriggerResolution<TState>.Unhandled(unmetGuards),
            1 => new TriggerResolution<TState>.Permitted(DestinationOf(passing[0])),
            _ => new TriggerResolution<TState>.Ambiguous(passing.Select(rule => rule.Guard!.Description).ToImmutableArray()),
        };
    }

    internal void RunExitActions(Transition<TState, TTrigger> transition)
    {
        foreach (var exitAction in _exitActions)
        {
            exitAction.Run(transition);
        }
    }

    internal void RunEntryActions(Transition<TState, TTrigger> transition)
    {
        foreach (var entryFromAction in _entryFromActions.Where(entry => entry.AppliesTo(transition)))
        {
            entryFromAction.Action.Run(transition);
        }

        foreach (var entryAction in _entryActions)
        {
            entryAction.Run(transition);
        }
    }

    internal StateDescription<TState, TTrigger> Describe() => new(
        State,
        _behaviours.Where(rule => rule is not IgnoredTriggerBehaviour<TState, TTrigger>)
            .Select(rule => new TransitionDescription<TState, TTrigger>(
                rule.Trigger, DestinationOf(rule), rule.Guard?.Description, rule is ReentryTriggerBehaviour<TState, TTrigger>))
            .ToImmutableArray(),
        _behaviours.OfType<IgnoredTriggerBehaviour<TState, TTrigger>>().Select(rule => rule.Trigger).ToImmutableArray(),
        _entryFromActions.Select(entry => new EntryFromActionDescription<TTrigger>(entry.Trigger, entry.Action.Description))
            .ToImmutableArray(),
        _entryActions.Select(action => action.Description).ToImmutableArray(),
        _exitActions.Select(action => action.Description).ToImmutableArray());

    private TState DestinationOf(TriggerBehaviour<TState, TTrigger> rule) => rule switch
    {
        TransitioningTriggerBehaviour<TState, TTrigger> transitioning => transitioning.Destination,
        ReentryTriggerBehaviour<TState, TTrigger> => State,
        _ => throw new InvalidOperationException($"Rule {rule.RuleName} has no destination."),
    };
}
