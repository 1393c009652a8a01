namespace RigBootstrap.Core.Journal;

/// <summary>One line of journal.jsonl: an append-only record of what happened, never a secret (docs/design.md §5, docs/invariants.md I6).</summary>
public sealed record JournalEntry
{
    public required DateTimeOffset Time { get; init; }

    public required string BootId { get; init; }

    /// <summary>run-started, run-ended, workflow, step, reboot-requested, recovered, halted, cleanup, process, operator.</summary>
    public required string Kind { get; init; }

    public string? Step { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Reason { get; init; }

    public int? Attempt { get; init; }
}
