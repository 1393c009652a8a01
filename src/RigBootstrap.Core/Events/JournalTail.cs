using RigBootstrap.Core.Journal;

namespace RigBootstrap.Core.Events;

/// <summary>
/// Reads the journal's complete lines from a byte offset: each with its 1-based line number and the offset just past
/// it. A line still being written (no newline yet) is left for the next read; a torn line (ended by JournalWriter
/// before its next append) and any unreadable line count as a line but yield no entry.
/// </summary>
internal static class JournalTail
{
    public static (List<(JournalEntry Entry, long Line, long EndOffset)> Entries, long Offset, long Line) Read(string path, long offset, long line)
    {
        var entries = new List<(JournalEntry, long, long)>();
        if (!File.Exists(path))
        {
            return (entries, offset, line);
        }

        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            if (stream.Length <= offset)
            {
                return (entries, offset, line);
            }

            stream.Seek(offset, SeekOrigin.Begin);
            bytes = new byte[stream.Length - offset];
            stream.ReadExactly(bytes);
        }

        var start = 0;
        while (start < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start);
            if (newline < 0)
            {
                break;
            }

            line++;
            var end = offset + newline + 1;
            // A blank, torn or unreadable line counts as a line (ids are line numbers) but is no event.
            if (JournalLine.Parse(bytes.AsSpan(start, newline - start)) is { } entry)
            {
                entries.Add((entry, line, end));
            }

            start = newline + 1;
        }

        return (entries, offset + start, line);
    }
}
