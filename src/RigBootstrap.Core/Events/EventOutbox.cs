using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Events;

/// <summary>
/// The durable event outbox: events appended as JSON lines (fsync per append) and a cursor of the last delivered
/// sequence (replaced atomically). Survives restarts and reboots; safe to share between the workflow thread
/// (appends) and the delivery loop (reads and marks).
/// </summary>
public sealed class EventOutbox
{
    /// <summary>Delivered lines are compacted away once they take more than this many bytes.</summary>
    public const long DefaultCompactAtBytes = 256 * 1024;

    private const UnixFileMode DirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly Lock _gate = new();
    private readonly List<OutboxLine> _pending;
    private readonly long _compactAtBytes;
    private readonly ILogger _logger;
    private long _lastSequence;
    private DeliveryCursor _cursor;
    private long _fileBytes;

    private EventOutbox(OutboxPaths paths, List<OutboxLine> pending, long lastSequence, DeliveryCursor cursor, long fileBytes, long compactAtBytes, ILogger logger)
    {
        Paths = paths;
        _pending = pending;
        _lastSequence = lastSequence;
        _cursor = cursor;
        _fileBytes = fileBytes;
        _compactAtBytes = compactAtBytes;
        _logger = logger;
    }

    public OutboxPaths Paths { get; }

    public long LastSequence
    {
        get { lock (_gate) { return _lastSequence; } }
    }

    public long LastDeliveredSequence
    {
        get { lock (_gate) { return _cursor.LastDeliveredSequence; } }
    }

    /// <summary>What the cursor file says now: the last error, the next try, what was given up.</summary>
    public DeliveryCursor Cursor
    {
        get { lock (_gate) { return _cursor; } }
    }

    public int PendingCount
    {
        get { lock (_gate) { return _pending.Count; } }
    }

    /// <summary>Opens (or creates) the outbox under the state directory, with what earlier runs left undelivered.</summary>
    /// <param name="receiver">The host of events.url, kept in the cursor file for `status`.</param>
    public static EventOutbox Open(HostPaths hostPaths, ILogger logger, long compactAtBytes = DefaultCompactAtBytes, string? receiver = null)
    {
        var paths = OutboxPaths.For(hostPaths);
        Directory.CreateDirectory(paths.DirPath, DirMode);
        var cursor = DeliveryCursorFile.Read(paths.CursorPath, logger);
        var delivered = cursor.LastDeliveredSequence;
        var (lines, fileBytes) = OutboxFile.ReadAndRepair(paths.OutboxPath, logger);
        // The cursor keeps the sequence monotonic even after compaction has emptied the file.
        var last = lines.Select(l => l.Event.Sequence).Append(delivered).Max();
        var pending = lines.Where(l => l.Event.Sequence > delivered).OrderBy(l => l.Event.Sequence).ToList();
        return new EventOutbox(paths, pending, last, cursor with { Receiver = receiver ?? cursor.Receiver }, fileBytes, compactAtBytes, logger);
    }

    /// <summary>Gives the event the next sequence and makes it durable before returning it.</summary>
    public TransitionEvent Append(TransitionEvent transition)
    {
        lock (_gate)
        {
            var sequenced = transition with { Sequence = _lastSequence + 1 };
            var line = OutboxFile.Encode(sequenced);
            OutboxFile.WriteAt(Paths.OutboxPath, _fileBytes, line);
            _lastSequence = sequenced.Sequence;
            _fileBytes += line.Length;
            _pending.Add(new OutboxLine(sequenced, line.Length));
            return sequenced;
        }
    }

    /// <summary>The undelivered events, oldest first.</summary>
    public ImmutableArray<TransitionEvent> Pending()
    {
        lock (_gate)
        {
            return [.. _pending.Select(l => l.Event)];
        }
    }

    /// <summary>Moves the durable cursor to <paramref name="sequence"/>; earlier or equal sequences are a no-op.</summary>
    public void MarkDelivered(long sequence)
    {
        lock (_gate)
        {
            if (sequence <= _cursor.LastDeliveredSequence)
            {
                return;
            }

            ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, _lastSequence);
            var pending = _pending.Count(l => l.Event.Sequence > sequence);
            var settled = pending == 0 ? _cursor with { GaveUpAt = null, Undelivered = [] } : _cursor;
            Save(settled with { LastDeliveredSequence = sequence, Pending = pending, LastError = null, NextTryAt = null });
            _pending.RemoveAll(l => l.Event.Sequence <= sequence);
            if (_fileBytes - _pending.Sum(l => (long)l.Bytes) > _compactAtBytes)
            {
                Compact();
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

    /// <summary>Records that delivery stopped for good at <paramref name="at"/> with these events undelivered (they stay in the outbox).</summary>
    public DeliveryCursor RecordGaveUp(DateTimeOffset at)
    {
        lock (_gate)
        {
            Save(_cursor with { Pending = _pending.Count, NextTryAt = null, GaveUpAt = at, Undelivered = [.. _pending.Select(l => l.Event.Id)] });
            return _cursor;
        }
    }

    private void Save(DeliveryCursor cursor)
    {
        DeliveryCursorFile.Write(Paths.CursorPath, cursor);
        _cursor = cursor;
    }

    private void Compact()
    {
        try
        {
            var kept = OutboxFile.Rewrite(Paths.OutboxPath, _pending.Select(l => l.Event));
            _pending.Clear();
            _pending.AddRange(kept);
            _fileBytes = kept.Sum(l => (long)l.Bytes);
            _logger.LogInformation("Event outbox compacted: {Pending} undelivered events kept", kept.Length);
        }
        catch (IOException ex)
        {
            // The cursor already records what was delivered; compaction only saves space, so it waits for the next mark.
            _logger.LogWarning("Event outbox {Path} could not be compacted: {Problem}", Paths.OutboxPath, ex.Message);
        }
    }
}
