using System.Collections.Immutable;

namespace RigBootstrap.Core.State;

/// <summary>Written before a reboot is requested and checked after the next boot (DESIGN §10 "persist at the right moment").</summary>
public sealed record RebootIntent
{
    public required ImmutableArray<string> ForSteps { get; init; }

    public required string BootId { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Requests made in this boot: more than one means the host did not restart when asked.</summary>
    public int Attempts { get; init; } = 1;
}
