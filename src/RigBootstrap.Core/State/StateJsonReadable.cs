using System.Text.Encodings.Web;
using System.Text.Json;

namespace RigBootstrap.Core.State;

/// <summary>Readable output for people: `+`, quotes and non-ASCII stay as they are rather than \\u escapes (the files are UTF-8 JSON, never HTML).</summary>
internal static class StateJsonReadable
{
    // Separate from the generated context: its Default must be initialized before these options copy it.
    public static StateJsonContext Context { get; } =
        new(new JsonSerializerOptions(StateJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
