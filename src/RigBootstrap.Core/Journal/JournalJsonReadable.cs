using System.Text.Encodings.Web;
using System.Text.Json;

namespace RigBootstrap.Core.Journal;

/// <summary>Readable output for people: `+`, quotes and non-ASCII stay as they are rather than \\u escapes (the files are UTF-8 JSON, never HTML).</summary>
internal static class JournalJsonReadable
{
    // Separate from the generated context: its Default must be initialized before these options copy it.
    public static JournalJsonContext Context { get; } =
        new(new JsonSerializerOptions(JournalJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
