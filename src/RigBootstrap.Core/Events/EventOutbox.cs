using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Events;

/// <summary>
/// The journal is the outbox (docs/adr/0007-journal-is-the-outbox.md): every step and workflow move in journal.jsonl
/// is an event, and a durable cursor (events/delivered.json, replaced atomically) records the byte offset and line up
/// to which they are delivered. A transition costs one durable append, the journal's, so no crash can journal a move
/// and lose its event. What an earlier build left in events/outbox.jsonl is delivered first, with its own ids, and the
/// file removed once empty. Safe to share between the workflow thread (whose appends only wake delivery) and the
/// delivery loop.
/// </summary>
public sealed class EventOutbox
{
    private const UnixFileMode DirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly Lock _gate = new();
    private readonly string _journalPath;
    private readonly string _label;
    private readonly List<OutboxItem> _pending;
    private readonly ILogger _logger;
    private DeliveryCursor _cursor;
    private long _scannedOffset;
    private long _scannedLine;

    private EventOutbox(OutboxPaths paths, string journalPath, string label, List<OutboxItem> pending, DeliveryCursor cursor, ILogger logger)
    {
        Paths = paths;
        _journalPath = journalPath;
        _label = label;
        _pending = pending;
        _cursor = cursor;
        _scannedOffset = cursor.JournalOffset ?? 0;
        _scannedLine = cursor.JournalLine;
        _logger = logger;
    }

    public OutboxPaths Paths { get; }

    /// <summary>What the cursor file says now: how far delivery is, the last error, the next try, what was given up.</summary>
    public DeliveryCursor Cursor
    {
        get { lock (_gate) { return _cursor; } }
    }

    /// <summary>Undelivered events, the journal read up to its end first.</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                Scan();
                return _pending.Count;
            }
        }
    }

    /// <summary>
    /// Opens the outbox: the cursor, what an earlier build's outbox file still holds, and the journal from the cursor.
    /// A first open starts at the journal's first line, or, on a host an earlier build delivered from its own outbox
    /// file, at the journal's end (those moves are in that file already): the cursor is saved before anything else.
    /// </summary>
    /// <param name="hostName">The host part of new event ids; kept in the cursor at the first open, so a later rename does not change them.</param>
    /// <param name="receiver">The host of events.url, kept in the cursor file for `status`.</param>
    public static EventOutbox Open(HostPaths hostPaths, string hostName, string label, ILogger logger, string? receiver = null)
    {
        var paths = OutboxPaths.For(hostPaths);
        Directory.CreateDirectory(paths.DirPath, DirMode);
        var cursor = DeliveryCursorFile.Read(paths.CursorPath, logger);
        var legacy = File.Exists(paths.OutboxPath)
            ? OutboxFile.ReadAndRepair(paths.OutboxPath, logger)
                .Where(e => e.Sequence > cursor.LastDeliveredSequence)
                .OrderBy(e => e.Sequence)
                .Select(e => new OutboxItem(e, 0, Legacy: true))
                .ToList()
            : [];
        var opened = cursor with { Receiver = receiver ?? cursor.Receiver, Host = cursor.Host ?? hostName };
        if (cursor.JournalOffset is null)
        {
            // An earlier build's cursor counts only what it delivered (from 1); an unreadable one reads as nothing,
            // and re-sends the journal rather than skipping it.
            var migrating = File.Exists(paths.OutboxPath) || cursor.LastDeliveredSequence > 0;
            var (_, end, lines) = migrating ? JournalTail.Read(hostPaths.JournalPath, 0, 0) : ([], 0, 0);
            opened = opened with { JournalOffset = end, JournalLine = lines };
            if (migrating)
            {
                logger.LogInformation("Event outbox moved to the journal: {Legacy} events from the earlier outbox first, then journal line {Line} on", legacy.Count, lines + 1);
            }
        }

        if (opened != cursor)
        {
            DeliveryCursorFile.Write(paths.CursorPath, opened);
        }

        var outbox = new EventOutbox(paths, hostPaths.JournalPath, label, legacy, opened, logger);
        outbox.RemoveEmptyLegacyFile();
        return outbox;
    }

    /// <summary>The undelivered events, oldest first (the journal read up to its end first).</summary>
    public ImmutableArray<TransitionEvent> Pending()
    {
        lock (_gate)
        {
            Scan();
            return [.. _pending.Select(i => i.Event)];
        }
    }

    /// <summary>Moves the durable cursor past <paramref name="transition"/>, the oldest undelivered event; anything else is a no-op.</summary>
    public void MarkDelivered(TransitionEvent transition)
    {
        lock (_gate)
        {
            if (_pending.Count == 0 || _pending[0].Event.Id != transition.Id)
            {
                return;
            }

            var item = _pending[0];
            var left = _pending.Count - 1;
            var moved = item.Legacy
                ? _cursor with { LastDeliveredSequence = item.Event.Sequence }
                : _cursor with { JournalOffset = item.EndOffset, JournalLine = item.Event.Sequence };
            var settled = left == 0 ? moved with { GaveUpAt = null, Undelivered = [] } : moved;
            Save(settled with { Pending = left, LastError = null, NextTryAt = null });
            _pending.RemoveAt(0);
            if (item.Legacy)
            {
                RemoveEmptyLegacyFile();
            }
        }
    }

    /// <summary>Records a failed attempt and when the next one is due, for `status`; the cursor does not move.</summary>
    public void RecordFailure(string error, DateTimeOffset nextTryAt)
    {
        lock (_gate)
        {
            Save(_cursor with { Pending = _pending.Count, LastError = error, NextTryAt = nextTryAt });
        }
    }

    /// <summary>Records that delivery stopped for good at <paramref name="at"/> with these events undelivered (the cursor stays before them).</summary>
    public DeliveryCursor RecordGaveUp(DateTimeOffset at)
    {
        lock (_gate)
        {
            Scan();
            Save(_cursor with { Pending = _pending.Count, NextTryAt = null, GaveUpAt = at, Undelivered = [.. _pending.Select(i => i.Event.Id)] });
            return _cursor;
        }
    }

    /// <summary>Reads what the journal gained since the last look; only whole lines, so an append in progress waits.</summary>
    private void Scan()
    {
        var (entries, offset, line) = JournalTail.Read(_journalPath, _scannedOffset, _scannedLine);
        foreach (var (entry, number, end) in entries)
        {
            if (JournalEvents.ToEvent(entry, _cursor.Host!, _label, number) is { } transition)
            {
                _pending.Add(new OutboxItem(transition, end, Legacy: false));
            }
        }

        (_scannedOffset, _scannedLine) = (offset, line);
    }

    private void Save(DeliveryCursor cursor)
    {
        DeliveryCursorFile.Write(Paths.CursorPath, cursor);
        _cursor = cursor;
    }

    private void RemoveEmptyLegacyFile()
    {
        if (_pending.Any(i => i.Legacy) || !File.Exists(Paths.OutboxPath))
        {
            return;
        }

        try
        {
            // The cursor already records that the file's last event is delivered, so a crash before this only repeats it.
            File.Delete(Paths.OutboxPath);
            _logger.LogInformation("Event outbox {Path} of an earlier build delivered and removed; events come from the journal now", Paths.OutboxPath);
        }
        catch (IOException ex)
        {
            _logger.LogWarning("Event outbox {Path} is delivered but could not be removed: {Problem}", Paths.OutboxPath, ex.Message);
        }
    }
}
