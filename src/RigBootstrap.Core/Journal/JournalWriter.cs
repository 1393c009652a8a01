using System.Text;
using System.Text.Json;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Journal;

/// <summary>Appends journal lines durably; the journal is evidence and is never rewritten.</summary>
public sealed class JournalWriter
{
    private readonly HostPaths _paths;

    public JournalWriter(HostPaths paths) => _paths = paths;

    public void Append(JournalEntry entry)
    {
        Directory.CreateDirectory(_paths.StateDirPath);
        var line = JsonSerializer.Serialize(entry, JournalJsonReadable.Context.JournalEntry) + "\n";
        // A crash mid-append leaves a last line with no newline; glued to it, this entry would be lost with it. Ending
        // the torn line first keeps the damage to that one line (JournalReader counts it).
        var text = EndsTorn() ? "\n" + line : line;
        using var stream = new FileStream(_paths.JournalPath, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite,
            UnixCreateMode = StateFileStore.StateFileMode,
        });
        stream.Write(Encoding.UTF8.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }

    /// <summary>True when the journal exists, is not empty and its last byte is not a newline.</summary>
    private bool EndsTorn()
    {
        try
        {
            using var stream = new FileStream(_paths.JournalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length == 0)
            {
                return false;
            }

            stream.Seek(-1, SeekOrigin.End);
            return stream.ReadByte() != '\n';
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }
}
