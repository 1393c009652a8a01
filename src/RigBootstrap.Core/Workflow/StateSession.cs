using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// Holds the state of one run and makes every change durable at once: state file first (the truth), then the
/// journal, then the persistence-point observer (where fault injection may kill the process).
/// </summary>
public sealed class StateSession
{
    private readonly StateFileStore _store;
    private readonly JournalWriter _journal;
    private readonly IPersistencePointObserver _observer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ImmutableArray<IJournalListener> _listeners;

    public StateSession(
        StateFile initial,
        StateFileStore store,
        JournalWriter journal,
        IPersistencePointObserver observer,
        TimeProvider time,
        ILogger logger,
        ImmutableArray<IJournalListener> listeners = default)
    {
        _listeners = listeners.IsDefault ? [] : listeners;
        Current = initial;
        _store = store;
        _journal = journal;
        _observer = observer;
        _time = time;
        _logger = logger;
    }

    public StateFile Current { get; private set; }

    public DateTimeOffset Now => _time.GetUtcNow();

    public void Commit(StateFile next, params JournalEntry[] entries)
    {
        var stamped = next with { UpdatedAt = Now };
        _store.Save(stamped);
        Current = stamped;
        foreach (var entry in entries)
        {
            _journal.Append(entry);
            Log(entry);
            foreach (var listener in _listeners)
            {
                listener.OnAppended(entry, stamped);
            }
        }

        _observer.OnPersisted(entries.Length > 0 ? entries[0].Kind : "state");
    }

    public JournalEntry Entry(string kind, string? step = null, string? from = null, string? to = null, string? reason = null, int? attempt = null) =>
        new()
        {
            Time = Now,
            BootId = Current.BootId,
            Kind = kind,
            Step = step,
            From = from,
            To = to,
            Reason = reason,
            Attempt = attempt,
        };

    private void Log(JournalEntry entry)
    {
        if (entry.Step is not null && entry.From is not null)
        {
            _logger.LogInformation("Step {StepId} {From} -> {To}: {Reason}", entry.Step, entry.From, entry.To, entry.Reason);
        }
        else if (entry.From is not null)
        {
            _logger.LogInformation("Workflow {From} -> {To}: {Reason}", entry.From, entry.To, entry.Reason);
        }
        else
        {
            _logger.LogInformation("{Kind}: {Reason}", entry.Kind, entry.Reason);
        }
    }
}
