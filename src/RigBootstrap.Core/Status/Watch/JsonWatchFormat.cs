using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status.Watch;

/// <summary>
/// One state file per line (JSON Lines), each time its content changes: the same object `status --json` prints
/// (docs/state-file.md), written compact with the same escaping. Stdout carries nothing else; the wait for a missing
/// state file is a notice, which goes to stderr.
/// </summary>
public sealed class JsonWatchFormat : IWatchFormat
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public WatchFrame Frame(StateFile state, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(StateFileStore.Serialize(state));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            document.WriteTo(writer);
        }

        var json = Encoding.UTF8.GetString(buffer.ToArray());
        return new WatchFrame(json, json + "\n");
    }

    public WatchFrame Absent(string statePath, DateTimeOffset now) =>
        new($"absent {statePath}", $"{DurationText.Stamp(now)} {WatchText.Absent(statePath)}\n", IsNotice: true);
}
