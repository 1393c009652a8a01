using System.Collections.Immutable;
using System.Globalization;

namespace RigBootstrap.Processes;

/// <summary>Reads the process table from Linux <c>/proc/&lt;pid&gt;/stat</c>, without starting a process.</summary>
internal sealed class ProcfsProcessTableReader : IProcessTableReader
{
    private readonly string _procDirPath;

    public ProcfsProcessTableReader(string procDirPath = "/proc")
    {
        _procDirPath = procDirPath;
    }

    public Task<ProcessTable> ReadAsync(CancellationToken cancellationToken)
    {
        var entries = ImmutableArray.CreateBuilder<ProcessEntry>();
        foreach (var dirPath in Directory.EnumerateDirectories(_procDirPath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!int.TryParse(Path.GetFileName(dirPath), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (TryParseStat(pid, File.ReadAllText(Path.Combine(dirPath, "stat"))) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process exited between listing and reading: it is simply not in the snapshot.
            }
        }

        return Task.FromResult(new ProcessTable(entries.ToImmutable()));
    }

    /// <summary>Parses <c>pid (comm) state ppid … starttime …</c>; null for zombies and garbage.</summary>
    internal static ProcessEntry? TryParseStat(int pid, string stat)
    {
        // comm may contain spaces and parentheses, so fields are counted from the last ')'.
        var commEnd = stat.LastIndexOf(')');
        if (commEnd < 0)
        {
            return null;
        }

        var fields = stat[(commEnd + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state), fields[1] field 4 (ppid), fields[19] field 22 (starttime).
        if (fields.Length < 20 || fields[0] is "Z" or "X"
            || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parentPid))
        {
            return null;
        }

        return new ProcessEntry(pid, parentPid, fields[19]);
    }
}
