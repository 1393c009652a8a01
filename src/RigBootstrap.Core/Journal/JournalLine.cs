using System.Text;
using System.Text.Json;

namespace RigBootstrap.Core.Journal;

/// <summary>
/// One journal line read back: its entry, or null when the line is torn (a crash mid-append) or otherwise unreadable.
/// <see cref="JournalReader"/> counts those for `status --history`; event delivery skips them.
/// </summary>
internal static class JournalLine
{
    /// <summary>The entry on <paramref name="line"/> (UTF-8, without its newline), or null.</summary>
    public static JournalEntry? Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, JournalJsonReadable.Context.JournalEntry);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte})"/>
    public static JournalEntry? Parse(string line) => Parse(Encoding.UTF8.GetBytes(line));
}
