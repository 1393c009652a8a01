using System.Text.Json;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Events;

/// <summary>Reads and atomically replaces the delivery cursor file.</summary>
public static class DeliveryCursorFile
{
    public static readonly DeliveryCursor Empty = new();

    /// <summary>The cursor, or <see cref="Empty"/> when there is none yet or it cannot be read (logged).</summary>
    public static DeliveryCursor Read(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), EventJsonReadable.Context.DeliveryCursor) ?? Empty;
        }
        catch (JsonException ex)
        {
            // It is replaced atomically, so only a hand edit gets here. Starting over re-sends the journal's events:
            // duplicates the receiver drops by id, rather than events silently skipped.
            logger.LogWarning("Event cursor {Path} is unreadable ({Problem}); re-sending every event in the journal", path, ex.Message);
            return Empty;
        }
    }

    public static void Write(string path, DeliveryCursor cursor) =>
        DurableFile.WriteAtomically(
            path,
            JsonSerializer.Serialize(cursor, EventJsonReadable.Context.DeliveryCursor) + "\n",
            OutboxFile.FileMode);
}
