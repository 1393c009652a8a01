using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Journal;

/// <summary>
/// Told of every journal entry after it and its state are durable (e.g. the event outbox). A listener must be fast
/// and must not throw: the workflow never waits for anything a listener does.
/// </summary>
public interface IJournalListener
{
    void OnAppended(JournalEntry entry, StateFile state);
}
