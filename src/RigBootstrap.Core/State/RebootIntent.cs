using System.Collections.Immutable;

namespace RigBootstrap.Core.State;

/// <summary>Written before a reboot is requested and checked after the next boot (docs/design.md §10 "persist at the right moment").</summary>
public sealed record RebootIntent
{
    public required ImmutableArray<string> ForSteps { get; init; }

    public required string BootId { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Requests made in this boot: more than one means the host did not restart when asked.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>A step's own command restarts the host (os-upgrade): the engine does not call shutdown on top of it at first.</summary>
    public bool SelfInitiated { get; init; }
}
