using System.Diagnostics;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// A started child process whose output is captured as it comes. Disposing it kills the whole process tree if it
/// still runs, so a failed test never leaves a daemon or a command step behind.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _commandLine;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private ChildProcess(Process process, string commandLine)
    {
        _process = process;
        _commandLine = commandLine;
        // Both pipes are drained concurrently from the start, so a chatty child cannot block on a full pipe.
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/> with an argument list; a null environment value removes that variable.</summary>
    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string? workingDirPath = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirPath ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {fileName}.");

        // Nothing is ever typed in: a prompt must fail at once rather than hang the test.
        process.StandardInput.Close();
        return new ChildProcess(process, string.Join(' ', startInfo.ArgumentList.Prepend(fileName)));
    }

    /// <summary>Waits for the exit; past <paramref name="timeout"/> the tree is killed and the test fails with what it printed.</summary>
    public async Task<CliResult> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var partial = await KillAsync();
            throw new TimeoutException($"`{_commandLine}` did not exit within {timeout.TotalSeconds} s and was killed.\n{partial.Describe()}");
        }

        return await CollectAsync();
    }

    /// <summary>Kills the whole tree (SIGKILL, as a power cut or a reboot would) and returns what it printed.</summary>
    public async Task<CliResult> KillAsync()
    {
        KillTree();
        await _process.WaitForExitAsync();
        return await CollectAsync();
    }

    public void Dispose()
    {
        KillTree();
        _process.Dispose();
    }

    private void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }
    }

    private async Task<CliResult> CollectAsync() => new()
    {
        ExitCode = _process.ExitCode,
        Stdout = await _stdout,
        Stderr = await _stderr,
    };
}
