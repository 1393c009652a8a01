using System.Collections.Immutable;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Journal;

/// <summary>
/// Reads the journal. A line torn by a crash mid-append is skipped and counted, never fatal: the state file, not the
/// journal, is the truth, and <see cref="JournalWriter"/> ends a torn line before it appends, so what follows it is
/// intact.
/// </summary>
public sealed class JournalReader
{
    private readonly HostPaths _paths;

    public JournalReader(HostPaths paths) => _paths = paths;

    public ImmutableArray<JournalEntry> ReadAll() => Read().Entries;

    public JournalContents Read()
    {
        if (!File.Exists(_paths.JournalPath))
        {
            return new JournalContents([], 0);
        }

        var entries = ImmutableArray.CreateBuilder<JournalEntry>();
        var torn = 0;
        foreach (var line in File.ReadLines(_paths.JournalPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (JournalLine.Parse(line) is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                torn++;
            }
        }

        return new JournalContents(entries.ToImmutable(), torn);
    }
}
