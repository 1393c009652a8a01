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
    private long _deliveredSequence;
    private long _fileBytes;

    private EventOutbox(OutboxPaths paths, List<OutboxLine> pending, long lastSequence, long deliveredSequence, long fileBytes, long compactAtBytes, ILogger logger)
    {
        Paths = paths;
        _pending = pending;
        _lastSequence = lastSequence;
        _deliveredSequence = deliveredSequence;
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
        get { lock (_gate) { return _deliveredSequence; } }
    }

    public int PendingCount
    {
        get { lock (_gate) { return _pending.Count; } }
    }

    /// <summary>Opens (or creates) the outbox under the state directory, with what earlier runs left undelivered.</summary>
    public static EventOutbox Open(HostPaths hostPaths, ILogger logger, long compactAtBytes = DefaultCompactAtBytes)
    {
        var paths = OutboxPaths.For(hostPaths);
        Directory.CreateDirectory(paths.DirPath, DirMode);
        var delivered = DeliveryCursorFile.Read(paths.CursorPath, logger);
        var (lines, fileBytes) = OutboxFile.ReadAndRepair(paths.OutboxPath, logger);
        // The cursor keeps the sequence monotonic even after compaction has emptied the file.
        var last = lines.Select(l => l.Event.Sequence).Append(delivered).Max();
        var pending = lines.Where(l => l.Event.Sequence > delivered).OrderBy(l => l.Event.Sequence).ToList();
        return new EventOutbox(paths, pending, last, delivered, fileBytes, compactAtBytes, logger);
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
            if (sequence <= _deliveredSequence)
            {
                return;
            }

            ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, _lastSequence);
            DeliveryCursorFile.Write(Paths.CursorPath, sequence);
            _deliveredSequence = sequence;
            _pending.RemoveAll(l => l.Event.Sequence <= sequence);
            if (_fileBytes - _pending.Sum(l => (long)l.Bytes) > _compactAtBytes)
            {
                Compact();
            }
        }
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
