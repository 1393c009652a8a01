using System.Collections.Immutable;

namespace RigBootstrap.StateMachine;

/// <summary>What firing a trigger in a state would do, worked out before anything runs.</summary>
internal abstract record TriggerResolution<TState>
    where TState : notnull
{
    private TriggerResolution()
    {
    }

    /// <summary>Exactly one rule applies and it moves (or re-enters) to <see cref="Destination"/>.</summary>
    public sealed record Permitted(TState Destination) : TriggerResolution<TState>;

    /// <summary>The trigger is configured with <c>Ignore</c>.</summary>
    public sealed record Ignored : TriggerResolution<TState>;

    /// <summary>No rule applies; <see cref="UnmetGuards"/> names the guards that failed, if any.</summary>
    public sealed record Unhandled(ImmutableArray<string> UnmetGuards) : TriggerResolution<TState>;

    /// <summary>More than one guarded rule passed, so the configuration is ambiguous for this situation.</summary>
    public sealed record Ambiguous(ImmutableArray<string> PassingGuards) : TriggerResolution<TState>;
}
