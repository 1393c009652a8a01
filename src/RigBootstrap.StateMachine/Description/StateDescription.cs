using System.Collections.Immutable;

namespace RigBootstrap.StateMachine;

/// <summary>The rules and actions configured for one state.</summary>
/// <param name="State">The state described.</param>
/// <param name="Transitions">Permit, PermitIf and PermitReentry rules, in configuration order.</param>
/// <param name="IgnoredTriggers">Triggers configured with Ignore.</param>
/// <param name="EntryFromActions">Entry actions bound to one trigger; they run before <paramref name="EntryActions"/>.</param>
/// <param name="EntryActions">Descriptions of the actions run on every entry.</param>
/// <param name="ExitActions">Descriptions of the actions run on every exit.</param>
public sealed record StateDescription<TState, TTrigger>(
    TState State,
    ImmutableArray<TransitionDescription<TState, TTrigger>> Transitions,
    ImmutableArray<TTrigger> IgnoredTriggers,
    ImmutableArray<EntryFromActionDescription<TTrigger>> EntryFromActions,
    ImmutableArray<string> EntryActions,
    ImmutableArray<string> ExitActions)
    where TState : notnull
    where TTrigger : notnull;
