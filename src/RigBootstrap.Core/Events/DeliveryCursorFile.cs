using System.Text.Json;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Events;

/// <summary>Reads and atomically replaces the delivery cursor file.</summary>
internal static class DeliveryCursorFile
{
    public static long Read(string path, ILogger logger)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), EventJsonReadable.Context.DeliveryCursor)?.LastDeliveredSequence ?? 0;
        }
        catch (JsonException ex)
        {
            // It is replaced atomically, so only a hand edit gets here. Starting from 0 re-sends what is still in
            // the outbox: duplicates the receiver drops by id, rather than events silently skipped.
            logger.LogWarning("Event cursor {Path} is unreadable ({Problem}); re-sending every event still in the outbox", path, ex.Message);
            return 0;
        }
    }

    public static void Write(string path, long lastDeliveredSequence) =>
        DurableFile.WriteAtomically(
            path,
            JsonSerializer.Serialize(new DeliveryCursor { LastDeliveredSequence = lastDeliveredSequence }, EventJsonReadable.Context.DeliveryCursor) + "\n",
            OutboxFile.FileMode);
}
