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
        using var stream = new FileStream(_paths.JournalPath, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite,
            UnixCreateMode = StateFileStore.StateFileMode,
        });
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }
}
