namespace RigBootstrap.Core.Events;

/// <summary>One step or workflow transition as posted to `events.url`: only journal fields, never a secret (docs/invariants.md I6).</summary>
public sealed record TransitionEvent
{
    /// <summary>
    /// Stable across retries, restarts and reboots, and unique across a fleet: the receiver de-duplicates on it
    /// (it is also the Idempotency-Key header). Derived from stored fields, so it never changes once appended.
    /// </summary>
    public string Id => $"{Host}:{Label}:{Sequence}";

    public required string Host { get; init; }

    public required string Label { get; init; }

    /// <summary>The step that moved; null for a workflow move.</summary>
    public string? Step { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public string? Reason { get; init; }

    public required string BootId { get; init; }

    public required DateTimeOffset Time { get; init; }

    /// <summary>Assigned by the outbox on append: persisted, monotonic, and the delivery order.</summary>
    public long Sequence { get; init; }
}
