using RigBootstrap.Core.Journal;

namespace RigBootstrap.Core.Events;

/// <summary>Which journal entries are events, and the event each becomes: every step and workflow move, nothing else.</summary>
public static class JournalEvents
{
    /// <summary>True for a step or workflow move: the entries that become events.</summary>
    public static bool IsEvent(JournalEntry entry) => entry.Kind is "step" or "workflow" && entry.From is not null && entry.To is not null;

    /// <summary>
    /// The event for the entry on journal line <paramref name="line"/> (1-based), or null when the entry is not a move.
    /// The line number is the sequence: the journal is append-only and never rewritten, so it never changes.
    /// </summary>
    public static TransitionEvent? ToEvent(JournalEntry entry, string host, string label, long line)
    {
        if (!IsEvent(entry))
        {
            return null;
        }

        // IsEvent checked both.

        return new TransitionEvent
        {
            Host = host,
            Label = label,
            Step = entry.Kind == "step" ? entry.Step : null,
            From = entry.From!,
            To = entry.To!,
            Reason = entry.Reason,
            BootId = entry.BootId,
            Time = entry.Time,
            Sequence = line,
        };
    }
}
