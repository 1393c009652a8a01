using System.Collections.Immutable;

namespace RigBootstrap.StateMachine;

/// <summary>Thrown by <c>Fire</c> when the current state has no transition for the trigger (the default unhandled-trigger policy).</summary>
public sealed class InvalidTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception for a trigger fired in a state that does not accept it.</summary>
    public InvalidTransitionException(object state, object trigger, ImmutableArray<string> unmetGuards)
        : base(BuildMessage(state, trigger, unmetGuards))
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(trigger);
        State = state;
        Trigger = trigger;
        StateName = NameOf(state);
        TriggerName = NameOf(trigger);
        UnmetGuards = unmetGuards.IsDefault ? [] : unmetGuards;
    }

    /// <summary>The state the machine was in, boxed so the exception type needs no generic parameters.</summary>
    public object State { get; }

    /// <summary>The state's <c>ToString()</c>.</summary>
    public string StateName { get; }

    /// <summary>The trigger that was fired.</summary>
    public object Trigger { get; }

    /// <summary>The trigger's <c>ToString()</c>.</summary>
    public string TriggerName { get; }

    /// <summary>Descriptions of the guards that blocked the trigger; empty when the trigger is not configured at all.</summary>
    public ImmutableArray<string> UnmetGuards { get; }

    private static string BuildMessage(object state, object trigger, ImmutableArray<string> unmetGuards)
    {
        if (unmetGuards.IsDefaultOrEmpty)
        {
            return $"No valid leaving transitions are permitted from state '{NameOf(state)}' for trigger " +
                $"'{NameOf(trigger)}'. Consider ignoring the trigger.";
        }

        var guards = string.Join(", ", unmetGuards.Select(guard => $"'{guard}'"));
        return $"Trigger '{NameOf(trigger)}' is permitted from state '{NameOf(state)}' only when a guard holds, " +
            $"and none did. Unmet guards: {guards}. Fire it again once a guard holds, or fire another trigger.";
    }

    private static string NameOf(object? value) => value?.ToString() ?? string.Empty;
}
