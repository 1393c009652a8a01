using System.Text.Encodings.Web;
using System.Text.Json;

namespace RigBootstrap.Core.Events;

/// <summary>Readable JSON: `+`, quotes and non-ASCII stay as they are rather than \\u escapes (UTF-8 JSON, never HTML).</summary>
internal static class EventJsonReadable
{
    // Separate from the generated context: its Default must be initialized before these options copy it.
    public static EventJsonContext Context { get; } =
        new(new JsonSerializerOptions(EventJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
