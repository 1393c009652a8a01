using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Events;

/// <summary>
/// Turns every durable step and workflow transition in the journal into an event in the outbox, and wakes the
/// delivery loop. Never touches the network and never throws into the workflow.
/// </summary>
public sealed class OutboxJournalListener : IJournalListener
{
    private readonly EventOutbox _outbox;
    private readonly DeliverySignal _signal;
    private readonly string _hostName;
    private readonly ILogger _logger;

    public OutboxJournalListener(EventOutbox outbox, DeliverySignal signal, string hostName, ILogger logger)
    {
        _outbox = outbox;
        _signal = signal;
        _hostName = hostName;
        _logger = logger;
    }

    public void OnAppended(JournalEntry entry, StateFile state)
    {
        if (ToEvent(entry, state) is not { } transition)
        {
            return;
        }

        try
        {
            _outbox.Append(transition);
            _signal.Notify();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The state file and journal are the truth and already durable; a full disk or a broken events directory
            // must cost an event, not the workflow.
            _logger.LogWarning("Event for {Kind} {From} -> {To} not queued: {Problem}", entry.Kind, entry.From, entry.To, ex.Message);
        }
    }

    private TransitionEvent? ToEvent(JournalEntry entry, StateFile state)
    {
        if (entry.Kind is not ("step" or "workflow") || entry.From is null || entry.To is null)
        {
            return null;
        }

        return new TransitionEvent
        {
            Host = _hostName,
            Label = state.Label,
            Step = entry.Kind == "step" ? entry.Step : null,
            From = entry.From,
            To = entry.To,
            Reason = entry.Reason,
            BootId = entry.BootId,
            Time = entry.Time,
        };
    }
}
