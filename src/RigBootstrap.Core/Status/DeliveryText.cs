using System.Globalization;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status;

/// <summary>What `status` and the journal say of event delivery after `Completed` (docs/events.md).</summary>
public static class DeliveryText
{
    /// <summary>
    /// "delivering 3 events to conductor.example, last error HTTP 503, next try at …" while the daemon stays for
    /// them; "3 events never delivered to …" once it gave up; null when there is nothing to say.
    /// </summary>
    public static string? AfterCompleted(StateFile state, DeliveryCursor? cursor)
    {
        if (state.Workflow.State != WorkflowState.Completed || cursor is null)
        {
            return null;
        }

        if (cursor.GaveUpAt is not null && cursor.Undelivered.Length > 0)
        {
            return Lost(cursor);
        }

        if (cursor.Pending > 0 && state.Handoff?.CleanedUpAt is null)
        {
            var text = $"delivering {Events(cursor.Pending)} to {cursor.Receiver ?? "events.url"}";
            text += cursor.LastError is { } error ? $", last error {error}" : "";
            text += cursor.NextTryAt is { } next ? $", next try at {DurationText.Stamp(next)}" : "";
            return text;
        }

        return null;
    }

    /// <summary>"3 events never delivered to conductor.example (gave up at …; last error HTTP 503): id, id, id".</summary>
    public static string Lost(DeliveryCursor cursor) =>
        $"{Events(cursor.Undelivered.Length)} never delivered to {cursor.Receiver ?? "events.url"} " +
        $"(gave up at {DurationText.Stamp(cursor.GaveUpAt)}, events.deliverFor after Completed; last error {cursor.LastError ?? "none recorded"}): " +
        string.Join(", ", cursor.Undelivered);

    private static string Events(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} event{(count == 1 ? "" : "s")}");
}
