namespace RigBootstrap.Core.State;

/// <summary>What the handoff verified and what cleanup has done (docs/design.md §1.4, docs/invariants.md I8).</summary>
public sealed record HandoffRecord
{
    public required string AgentLabel { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }

    public DateTimeOffset? CleanedUpAt { get; init; }
}
