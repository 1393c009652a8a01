using System.Diagnostics;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// One start of a launchd job: exactly its ProgramArguments, only its EnvironmentVariables (launchd gives a daemon
/// nothing else), stdout and stderr appended to its log paths. Disposing kills the whole tree.
/// </summary>
public sealed class LaunchdJobProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _pumps;

    private LaunchdJobProcess(LaunchdJob job, Process process, Task pumps)
    {
        Job = job;
        _process = process;
        _pumps = pumps;
    }

    public LaunchdJob Job { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int ProcessId => _process.Id;

    public static LaunchdJobProcess Start(LaunchdJob job, IReadOnlyDictionary<string, string> faultEnvironment)
    {
        var startInfo = new ProcessStartInfo(job.ProgramArguments[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = job.WorkingDirectory ?? "/",
        };
        foreach (var argument in job.ProgramArguments.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test runner's variables must not help the daemon: a plist that forgets PATH has to fail here too.
        startInfo.Environment.Clear();
        foreach (var (name, value) in job.EnvironmentVariables.Concat(faultEnvironment))
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {job.Label}");
        process.StandardInput.Close();
        var pumps = Task.WhenAll(
            AppendAsync(process.StandardOutput.BaseStream, job.StandardOutPath),
            AppendAsync(process.StandardError.BaseStream, job.StandardErrorPath));
        return new LaunchdJobProcess(job, process, pumps);
    }

    /// <summary>SIGKILL to the whole tree, no warning, as a power cut or `launchctl bootout` would.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to stop.
        }

        await _process.WaitForExitAsync();
        await _pumps;
    }

    public void Dispose()
    {
        KillAsync().GetAwaiter().GetResult();
        _process.Dispose();
    }

    private static async Task AppendAsync(Stream source, string? logFilePath)
    {
        if (logFilePath is null)
        {
            await source.CopyToAsync(Stream.Null);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logFilePath)!);
        await using var log = new FileStream(logFilePath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        await source.CopyToAsync(log);
    }
}
