using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Events;

/// <summary>The outbox's JSON-lines file: read (repairing a torn tail), write a line at a known end, rewrite whole.</summary>
internal static class OutboxFile
{
    public const UnixFileMode FileMode = StateFileStore.StateFileMode;

    public static byte[] Encode(TransitionEvent transition) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(transition, EventJsonReadable.Context.TransitionEvent) + "\n");

    /// <summary>Every readable line in order and the file's length; a torn last line is cut off the file first.</summary>
    public static (ImmutableArray<OutboxLine> Lines, long Bytes) ReadAndRepair(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            return ([], 0);
        }

        var bytes = File.ReadAllBytes(path);
        var end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (end < bytes.Length)
        {
            // A crash mid-append leaves a line without its newline; that append never returned, so nothing was
            // promised for it. Cutting it off keeps the next append from being glued onto the fragment.
            Truncate(path, end);
            logger.LogWarning("Event outbox {Path}: dropped a torn last line ({Bytes} bytes)", path, bytes.Length - end);
        }

        var lines = ImmutableArray.CreateBuilder<OutboxLine>();
        var start = 0;
        while (start < end)
        {
            var next = Array.IndexOf(bytes, (byte)'\n', start, end - start);
            var line = bytes.AsSpan(start, next - start);
            if (Parse(line, path, logger) is { } transition)
            {
                lines.Add(new OutboxLine(transition, next + 1 - start));
            }

            start = next + 1;
        }

        return (lines.ToImmutable(), end);
    }

    /// <summary>Writes a line at <paramref name="offset"/> (the end of the good lines) and fsyncs it.</summary>
    public static void WriteAt(string path, long offset, byte[] line)
    {
        var created = !File.Exists(path);
        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = System.IO.FileMode.OpenOrCreate,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            UnixCreateMode = FileMode,
        }))
        {
            // Writing at a known offset rather than appending: whatever a failed earlier write left past the end
            // of the good lines is overwritten and cut, so a torn fragment never precedes a good line.
            stream.Seek(offset, SeekOrigin.Begin);
            stream.Write(line);
            stream.SetLength(offset + line.Length);
            stream.Flush(flushToDisk: true);
        }

        if (created)
        {
            // The create mode is filtered by the umask; operators read this file like the journal (0644).
            File.SetUnixFileMode(path, FileMode);
            DurableFile.SyncDirectory(Path.GetDirectoryName(path)!);
        }
    }

    /// <summary>Replaces the whole file atomically with <paramref name="events"/>; returns the new lines with their sizes.</summary>
    public static ImmutableArray<OutboxLine> Rewrite(string path, IEnumerable<TransitionEvent> events)
    {
        var lines = events.Select(e => (Event: e, Bytes: Encode(e))).ToList();
        DurableFile.WriteAtomically(path, string.Concat(lines.Select(l => Encoding.UTF8.GetString(l.Bytes))), FileMode);
        return [.. lines.Select(l => new OutboxLine(l.Event, l.Bytes.Length))];
    }

    private static TransitionEvent? Parse(ReadOnlySpan<byte> line, string path, ILogger logger)
    {
        if (line.Trim((byte)' ').IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line, EventJsonReadable.Context.TransitionEvent);
        }
        catch (JsonException ex)
        {
            // Only a hand-edited file gets here (torn tails are cut above); one bad line must not stop the rest.
            logger.LogWarning("Event outbox {Path}: skipped an unreadable line: {Problem}", path, ex.Message);
            return null;
        }
    }

    private static void Truncate(string path, long length)
    {
        using var stream = new FileStream(path, System.IO.FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.SetLength(length);
        stream.Flush(flushToDisk: true);
    }
}
