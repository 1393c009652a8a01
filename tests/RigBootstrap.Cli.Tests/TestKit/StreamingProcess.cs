using System.Diagnostics;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// A long-running child (`status --watch`) whose output is read line by line as it comes, so a test waits for a line
/// to appear instead of sleeping. Disposing it kills the process if it still runs.
/// </summary>
public sealed class StreamingProcess : IDisposable
{
    private readonly Process _process;
    private readonly object _gate = new();
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly Task _readers;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StreamingProcess(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(ReadAsync(process.StandardOutput, _stdout), ReadAsync(process.StandardError, _stderr));
    }

    public int ProcessId => _process.Id;

    public IReadOnlyList<string> StdoutLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _stdout];
            }
        }
    }

    public IReadOnlyList<string> StderrLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _stderr];
            }
        }
    }

    /// <summary>Starts the published binary with a clean host environment plus <paramref name="environment"/>.</summary>
    public static StreamingProcess Start(string binaryFilePath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(binaryFilePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "RIG_BOOTSTRAP_ROOT", "RIG_BOOTSTRAP_TOOLS_DIR" })
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {binaryFilePath}.");
        process.StandardInput.Close();
        return new StreamingProcess(process);
    }

    /// <summary>Waits until stdout holds a line matching <paramref name="match"/>; fails with all output after <paramref name="timeout"/>.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout) => WaitForAsync(() => StdoutLines.LastOrDefault(match), timeout);

    /// <summary>Waits until stderr holds a line matching <paramref name="match"/>.</summary>
    public Task<string> WaitForErrorLineAsync(Func<string, bool> match, TimeSpan timeout) => WaitForAsync(() => StderrLines.LastOrDefault(match), timeout);

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does (kill(1) from procps).</summary>
    public async Task InterruptAsync()
    {
        // A process started with SIGINT ignored keeps ignoring it (.NET honours an inherited SIG_IGN for SIGINT, as a
        // shell's background job has it): that would be the test runner's environment, not the watch, failing.
        var ignored = File.ReadLines($"/proc/{_process.Id}/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        (Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & 0x2).Should().Be(0UL,
            "the test runner was started with SIGINT ignored (a background job of a shell without job control); run it in the foreground or with `set -m`");
        using var kill = Process.Start(new ProcessStartInfo(ToolPath.Require("kill", "procps"), ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        await kill.WaitForExitAsync();
        kill.ExitCode.Should().Be(0, "kill -INT reaches the watch");
    }

    /// <summary>Waits for the exit and every line printed; past <paramref name="timeout"/> it kills the process and fails.</summary>
    public async Task<CliResult> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"the watch did not exit within {timeout.TotalSeconds} s.\n{Describe()}");
        }

        await _readers;
        return new CliResult { ExitCode = _process.ExitCode, Stdout = string.Join('\n', StdoutLines), Stderr = string.Join('\n', StderrLines) };
    }

    public string Describe() => $"--- stdout ---\n{string.Join('\n', StdoutLines)}\n--- stderr ---\n{string.Join('\n', StderrLines)}";

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private async Task<string> WaitForAsync(Func<string?> find, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            // Read before looking, so the last lines are looked at once more after the output ends.
            var ended = _readers.IsCompleted;
            if (find() is { } found)
            {
                return found;
            }

            if (ended)
            {
                await _process.WaitForExitAsync(deadline.Token);
                throw new InvalidOperationException($"the watch exited ({_process.ExitCode}) before the line came.\n{Describe()}");
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no such line within {timeout.TotalSeconds} s.\n{Describe()}");
            }
        }
    }

    private async Task ReadAsync(StreamReader reader, List<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                lines.Add(line);
                _changed.TrySetResult();
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        lock (_gate)
        {
            _changed.TrySetResult();
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
