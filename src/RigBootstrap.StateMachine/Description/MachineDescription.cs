using System.Collections.Immutable;

namespace RigBootstrap.StateMachine;

/// <summary>A read-only snapshot of a machine's configuration, for documentation and graphs.</summary>
/// <param name="States">Configured states in configuration order, then states that only appear as destinations.</param>
/// <param name="InitialState">The state the machine was created in; meaningful only when <paramref name="HasInitialState"/> is true.</param>
/// <param name="HasInitialState">False for machines on external storage, whose state lives elsewhere and is not read to describe them.</param>
public sealed record MachineDescription<TState, TTrigger>(
    ImmutableArray<StateDescription<TState, TTrigger>> States,
    TState? InitialState,
    bool HasInitialState)
    where TState : notnull
    where TTrigger : notnull;
