using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Events;

/// <summary>
/// Wakes the delivery loop when the journal gains an entry: the entry is the outbox's already (the journal is the
/// outbox), so nothing is written here. Never touches the network and never throws into the workflow.
/// </summary>
public sealed class OutboxJournalListener : IJournalListener
{
    private readonly DeliverySignal _signal;

    public OutboxJournalListener(DeliverySignal signal) => _signal = signal;

    public void OnAppended(JournalEntry entry, StateFile state)
    {
        if (JournalEvents.IsEvent(entry))
        {
            _signal.Notify();
        }
    }
}
