using System.Text.Json;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// launchd on the simulated Mac: loaded jobs are files under the host root. It refuses what launchd refuses (a
/// writable plist, a disabled label, a label already loaded) and "runs" a job when its program exists.
/// </summary>
public sealed class SimulatedLaunchd(SimulatedMac mac) : IServiceManager
{
    public Task<ServiceStatus?> GetStatusAsync(string label, CancellationToken cancellationToken)
    {
        var job = Read(label);
        return Task.FromResult(job is null ? null : new ServiceStatus(job.Label, job.State, job.Pid, job.LastExitCode, job.Runs));
    }

    public Task EnableAsync(string label, CancellationToken cancellationToken)
    {
        var marker = Path.Join(mac.DisabledJobsDirPath, label);
        if (File.Exists(marker))
        {
            File.Delete(marker);
        }

        return Task.CompletedTask;
    }

    public Task LoadAsync(string label, string plistPath, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Join(mac.DisabledJobsDirPath, label)))
        {
            throw new ServiceManagerException($"Bootstrap failed: 119: Service is disabled ({label}); run `launchctl enable system/{label}` first", 119);
        }

        if (Read(label) is not null)
        {
            throw new ServiceManagerException($"Bootstrap failed: 5: Input/output error ({label} is already loaded)", 5);
        }

        Load(label, plistPath, previousRuns: 0);
        return Task.CompletedTask;
    }

    public Task UnloadAsync(string label, CancellationToken cancellationToken)
    {
        if (File.Exists(JobPath(label)))
        {
            File.Delete(JobPath(label));
        }

        return Task.CompletedTask;
    }

    /// <summary>launchd needs nothing before its plist goes: bootout works from the label alone.</summary>
    public Task PrepareRemovalAsync(string label, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RestartAsync(string label, CancellationToken cancellationToken)
    {
        var job = Read(label) ?? throw new ServiceManagerException($"Could not find service \"{label}\" in domain for system", 113);
        Load(label, job.PlistPath, job.Runs);
        return Task.CompletedTask;
    }

    /// <summary>What launchd does at boot: load every enabled plist in /Library/LaunchDaemons (sorted, for a stable demo).</summary>
    public IReadOnlyList<string> LoadAllAtBoot()
    {
        Directory.CreateDirectory(mac.Paths.LaunchDaemonsDirPath);
        var loaded = new List<string>();
        foreach (var plistPath in Directory.GetFiles(mac.Paths.LaunchDaemonsDirPath, "*.plist").Order(StringComparer.Ordinal))
        {
            try
            {
                var definition = ReadDefinition(plistPath);
                if (definition.RunAtLoad && !File.Exists(Path.Join(mac.DisabledJobsDirPath, definition.Label)))
                {
                    Load(definition.Label, plistPath, previousRuns: 0);
                    loaded.Add(definition.Label);
                }
            }
            catch (Exception ex) when (ex is ServiceManagerException or FormatException)
            {
                // launchd skips a plist it refuses and loads the others; the refusal shows in the log, not as a stop.
                continue;
            }
        }

        return loaded;
    }

    /// <summary>Shutdown: every job stops and nothing stays loaded.</summary>
    public void UnloadAll()
    {
        if (Directory.Exists(mac.LoadedJobsDirPath))
        {
            Directory.Delete(mac.LoadedJobsDirPath, recursive: true);
        }
    }

    private void Load(string label, string plistPath, int previousRuns)
    {
        var mode = File.GetUnixFileMode(plistPath);
        if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            throw new ServiceManagerException($"{plistPath}: Path had bad ownership/permissions; a LaunchDaemon plist must be root:wheel 0644", 5);
        }

        var definition = ReadDefinition(plistPath);
        if (definition.Label != label)
        {
            throw new ServiceManagerException($"{plistPath} declares label {definition.Label}, not {label}", 5);
        }

        var program = definition.ProgramArguments[0];
        var runs = previousRuns + 1;
        var startable = File.Exists(program) && (File.GetUnixFileMode(program) & UnixFileMode.UserExecute) != 0;
        var job = new SimulatedJob
        {
            Label = label,
            PlistPath = plistPath,
            State = startable ? "running" : "not running",
            Pid = startable ? 400 + (7 * runs) : null,
            LastExitCode = startable ? null : 78,
            Runs = runs,
        };
        Directory.CreateDirectory(mac.LoadedJobsDirPath);
        File.WriteAllText(JobPath(label), JsonSerializer.Serialize(job, SimulatorJsonContext.Default.SimulatedJob));
    }

    private static LaunchDaemonDefinition ReadDefinition(string plistPath) =>
        LaunchDaemonDefinition.FromPlist((PlistDictionary)PlistReader.Parse(File.ReadAllText(plistPath)));

    private SimulatedJob? Read(string label) =>
        File.Exists(JobPath(label)) ? JsonSerializer.Deserialize(File.ReadAllText(JobPath(label)), SimulatorJsonContext.Default.SimulatedJob) : null;

    private string JobPath(string label) => Path.Join(mac.LoadedJobsDirPath, label + ".json");
}
