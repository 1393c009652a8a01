using System.Collections.Immutable;
using System.Text.Json;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Journal;

/// <summary>Reads the journal, skipping a line torn by a crash mid-append rather than failing.</summary>
public sealed class JournalReader
{
    private readonly HostPaths _paths;

    public JournalReader(HostPaths paths) => _paths = paths;

    public ImmutableArray<JournalEntry> ReadAll()
    {
        if (!File.Exists(_paths.JournalPath))
        {
            return [];
        }

        var entries = ImmutableArray.CreateBuilder<JournalEntry>();
        foreach (var line in File.ReadLines(_paths.JournalPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, JournalJsonReadable.Context.JournalEntry) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException)
            {
                // A torn last line from a crash mid-append: the state file, not the journal, is the truth.
            }
        }

        return entries.ToImmutable();
    }
}
