using System.Collections.Immutable;

namespace RigBootstrap.StateMachine;

// Firing triggers and asking which triggers would fire.
public sealed partial class StateMachine<TState, TTrigger>
{
    /// <summary>Fires <paramref name="trigger"/> from the current state; see the class remarks for the order of effects.</summary>
    /// <exception cref="InvalidTransitionException">The trigger is unhandled and no <c>OnUnhandledTrigger</c> handler is set.</exception>
    /// <exception cref="InvalidOperationException">Called re-entrantly, or more than one guarded transition passed.</exception>
    public void Fire(TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (_isFiring)
        {
            throw new InvalidOperationException(
                $"Fire('{trigger}') was called while another trigger was still being handled. " +
                "Triggers are not queued; fire the next trigger after Fire returns.");
        }

        _isFiring = true;
        try
        {
            FireFromCurrentState(trigger);
        }
        finally
        {
            _isFiring = false;
        }
    }

    /// <summary>True when firing <paramref name="trigger"/> now would make a transition: it is permitted and exactly one guard passes.</summary>
    /// <remarks>Ignored triggers are not permitted ones, so they report false.</remarks>
    public bool CanFire(TTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return Resolve(ReadState(), trigger) is TriggerResolution<TState>.Permitted;
    }

    /// <summary>The triggers <see cref="CanFire"/> accepts in the current state, in configuration order, guards evaluated.</summary>
    public ImmutableArray<TTrigger> PermittedTriggers
    {
        get
        {
            var configuration = FindConfiguration(ReadState());
            if (configuration is null)
            {
                return [];
            }

            return configuration.ConfiguredTriggers
                .Where(trigger => configuration.Resolve(trigger) is TriggerResolution<TState>.Permitted)
                .ToImmutableArray();
        }
    }

    private TriggerResolution<TState> Resolve(TState state, TTrigger trigger) =>
        FindConfiguration(state)?.Resolve(trigger) ?? new TriggerResolution<TState>.Unhandled([]);

    private void FireFromCurrentState(TTrigger trigger)
    {
        var source = ReadState();
        switch (Resolve(source, trigger))
        {
            case TriggerResolution<TState>.Permitted permitted:
                Transit(new Transition<TState, TTrigger>(source, permitted.Destination, trigger));
                break;
            case TriggerResolution<TState>.Ignored:
                break;
            case TriggerResolution<TState>.Unhandled unhandled when _unhandledTriggerHandler is not null:
                _unhandledTriggerHandler(source, trigger, unhandled.UnmetGuards);
                break;
            case TriggerResolution<TState>.Unhandled unhandled:
                throw new InvalidTransitionException(source, trigger, unhandled.UnmetGuards);
            case TriggerResolution<TState>.Ambiguous ambiguous:
                // A configuration bug rather than an unhandled trigger, so the custom handler does not hide it.
                throw new InvalidOperationException(
                    $"Trigger '{trigger}' from state '{source}' has multiple permitted transitions: the guards " +
                    $"{string.Join(", ", ambiguous.PassingGuards.Select(guard => $"'{guard}'"))} all passed. " +
                    "Make the guards of one trigger mutually exclusive.");
        }
    }

    private void Transit(Transition<TState, TTrigger> transition)
    {
        FindConfiguration(transition.Source)?.RunExitActions(transition);
        _stateMutator(transition.Destination);
        foreach (var handler in _transitionedHandlers)
        {
            handler(transition);
        }

        FindConfiguration(transition.Destination)?.RunEntryActions(transition);
    }
}
