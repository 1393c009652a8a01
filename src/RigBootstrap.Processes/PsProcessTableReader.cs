using System.Collections.Immutable;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace RigBootstrap.Processes;

/// <summary>Reads the process table from one <c>ps</c> call; for macOS, which has no <c>/proc</c>.</summary>
internal sealed class PsProcessTableReader : IProcessTableReader
{
    private static readonly TimeSpan PsTimeout = TimeSpan.FromSeconds(2);
    private readonly string _psFilePath;
    private readonly TimeProvider _timeProvider;

    public PsProcessTableReader(TimeProvider timeProvider, string psFilePath = "/bin/ps")
    {
        _timeProvider = timeProvider;
        _psFilePath = psFilePath;
    }

    public async Task<ProcessTable> ReadAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(_psFilePath) { RedirectStandardOutput = true, UseShellExecute = false };
        // lstart goes last: it contains spaces, and it is the start marker that tells reused PIDs apart.
        foreach (var argument in new[] { "-A", "-o", "pid=", "-o", "ppid=", "-o", "stat=", "-o", "lstart=" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var timeout = new CancellationTokenSource(PsTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        Process ps;
        try
        {
            ps = Process.Start(startInfo) ?? throw new InvalidOperationException("ps did not start.");
        }
        catch (Win32Exception)
        {
            // No usable ps: snapshots are best effort, and the tree kill still covers live descendants.
            return ProcessTable.Empty;
        }

        using (ps)
        {
            try
            {
                var output = await ps.StandardOutput.ReadToEndAsync(linked.Token).ConfigureAwait(false);
                await ps.WaitForExitAsync(linked.Token).ConfigureAwait(false);
                return ps.ExitCode == 0 ? Parse(output) : ProcessTable.Empty;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                ps.Kill();
                return ProcessTable.Empty;
            }
        }
    }

    internal static ProcessTable Parse(string psOutput)
    {
        var entries = ImmutableArray.CreateBuilder<ProcessEntry>();
        foreach (var line in psOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 4
                && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parentPid)
                && !fields[2].StartsWith('Z'))
            {
                entries.Add(new ProcessEntry(pid, parentPid, fields[3].Trim()));
            }
        }

        return new ProcessTable(entries.ToImmutable());
    }
}
