using System.Collections.Immutable;

namespace RigBootstrap.Core.Events;

/// <summary>
/// events/delivered.json: how far delivery has come in the journal (every event before the cursor is delivered, or
/// dropped as poison), and what `status` shows of it: the receiver, what waits, the last error, the next try, and
/// what was given up.
/// </summary>
public sealed record DeliveryCursor
{
    private readonly ImmutableArray<string> _undelivered = [];

    /// <summary>The byte offset in journal.jsonl just past the last delivered event's line; null before the first open.</summary>
    public long? JournalOffset { get; init; }

    /// <summary>The line number (1-based) of the last delivered event; the lines after it number on from here.</summary>
    public long JournalLine { get; init; }

    /// <summary>The host part of event ids, fixed at the first open so that a renamed host keeps its ids stable.</summary>
    public string? Host { get; init; }

    /// <summary>The last sequence delivered from the outbox file of an earlier build (events/outbox.jsonl), while it has any.</summary>
    public long LastDeliveredSequence { get; init; }

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
    public ImmutableArray<string> Undelivered
    {
        // A file without the field (an earlier build's) deserializes to a default array, which cannot be enumerated.
        get => _undelivered.IsDefault ? [] : _undelivered;
        init => _undelivered = value;
    }
}
