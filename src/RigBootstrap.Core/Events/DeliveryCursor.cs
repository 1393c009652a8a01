using System.Collections.Immutable;

namespace RigBootstrap.Core.Events;

/// <summary>
/// events/delivered.json: how far delivery has come (every event up to the cursor is delivered, or dropped as poison),
/// and what `status` shows of it: the receiver, what waits, the last error, the next try, and what was given up.
/// </summary>
public sealed record DeliveryCursor
{
    public required long LastDeliveredSequence { get; init; }

    /// <summary>The host of events.url, for `status` (which cannot read the root-only config).</summary>
    public string? Receiver { get; init; }

    /// <summary>Events waiting when this was written.</summary>
    public int Pending { get; init; }

    /// <summary>Why the last attempt failed; null once an event is delivered.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? NextTryAt { get; init; }

    /// <summary>Set when `events.deliverFor` ran out after `Completed` and the daemon removed itself anyway.</summary>
    public DateTimeOffset? GaveUpAt { get; init; }

    /// <summary>The ids that were never delivered, oldest first, when <see cref="GaveUpAt"/> is set.</summary>
    public ImmutableArray<string> Undelivered { get; init; } = [];
}
