using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Events;

/// <summary>
/// The outbox file of earlier builds (events/outbox.jsonl, JSON lines of events): read, repairing a torn tail, so
/// that what they left is delivered before the journal's events (docs/adr/0007-journal-is-the-outbox.md).
/// </summary>
internal static class OutboxFile
{
    public const UnixFileMode FileMode = StateFileStore.StateFileMode;

    /// <summary>One line as earlier builds wrote it (tests make such files to check the migration).</summary>
    public static byte[] Encode(TransitionEvent transition) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(transition, EventJsonReadable.Context.TransitionEvent) + "\n");

    /// <summary>Every readable line in order; a torn last line is cut off the file first.</summary>
    public static ImmutableArray<TransitionEvent> ReadAndRepair(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            return [];
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

        var lines = ImmutableArray.CreateBuilder<TransitionEvent>();
        var start = 0;
        while (start < end)
        {
            var next = Array.IndexOf(bytes, (byte)'\n', start, end - start);
            var line = bytes.AsSpan(start, next - start);
            if (Parse(line, path, logger) is { } transition)
            {
                lines.Add(transition);
            }

            start = next + 1;
        }

        return lines.ToImmutable();
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
