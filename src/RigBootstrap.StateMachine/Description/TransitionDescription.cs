namespace RigBootstrap.StateMachine;

/// <summary>One configured way out of a state.</summary>
/// <param name="Trigger">The trigger that takes the transition.</param>
/// <param name="Destination">Where it leads; the state itself for a reentry.</param>
/// <param name="GuardDescription">The guard's description, or null when the transition is unguarded.</param>
/// <param name="IsReentry">True for PermitReentry rules.</param>
public sealed record TransitionDescription<TState, TTrigger>(
    TTrigger Trigger,
    TState Destination,
    string? GuardDescription,
    bool IsReentry)
    where TState : notnull
    where TTrigger : notnull;
