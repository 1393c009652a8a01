using System.Text.Json;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// launchd on the simulated Mac: loaded jobs are files under the host root. It refuses what launchd refuses (a
/// writable plist, a disabled label, a label already loaded) and "runs" a job when its program exists: a periodic
/// job (StartInterval) as one run that exited 0, any other as running. Without a user it is the system domain; with
/// one, that user's GUI session (gui/&lt;uid&gt;), which exists only while the user is logged in at the console.
/// </summary>
public sealed class SimulatedLaunchd(SimulatedMac mac, string? guiUser = null, SimulatedLoginWindow? loginWindow = null) : IServiceManager
{
    public Task<ServiceStatus?> GetStatusAsync(string label, CancellationToken cancellationToken)
    {
        ThrowUnlessDomainExists("print");
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
        ThrowUnlessDomainExists("Bootstrap");
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

    /// <summary>What the user's login does: load every plist in ~/Library/LaunchAgents into the GUI session.</summary>
    public IReadOnlyList<string> LoadAgentsAtLogin(string homeDirPath)
    {
        var agentsDirPath = Path.Join(homeDirPath, "Library", "LaunchAgents");
        var loaded = new List<string>();
        var plists = Directory.Exists(agentsDirPath) ? Directory.GetFiles(agentsDirPath, "*.plist") : [];
        foreach (var plistPath in plists.Order(StringComparer.Ordinal))
        {
            try
            {
                var definition = ReadDefinition(plistPath);
                Load(definition.Label, plistPath, previousRuns: 0);
                loaded.Add(definition.Label);
            }
            catch (Exception ex) when (ex is ServiceManagerException or FormatException)
            {
                continue; // as at boot: a refused plist is skipped
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
        var periodic = definition.StartIntervalSeconds is not null;
        var job = new SimulatedJob
        {
            Label = label,
            PlistPath = plistPath,
            State = startable && !periodic ? "running" : "not running",
            Pid = startable && !periodic ? 400 + (7 * runs) : null,
            LastExitCode = !startable ? 78 : periodic ? 0 : null,
            Runs = runs,
        };
        Directory.CreateDirectory(JobsDirPath);
        File.WriteAllText(JobPath(label), JsonSerializer.Serialize(job, SimulatorJsonContext.Default.SimulatedJob));
    }

    private static LaunchDaemonDefinition ReadDefinition(string plistPath) =>
        LaunchDaemonDefinition.FromPlist((PlistDictionary)PlistReader.Parse(File.ReadAllText(plistPath)));

    private SimulatedJob? Read(string label) =>
        File.Exists(JobPath(label)) ? JsonSerializer.Deserialize(File.ReadAllText(JobPath(label)), SimulatorJsonContext.Default.SimulatedJob) : null;

    private string JobsDirPath => guiUser is null ? mac.LoadedJobsDirPath : Path.Join(mac.LoadedJobsDirPath, "gui-" + guiUser);

    private string JobPath(string label) => Path.Join(JobsDirPath, label + ".json");

    // launchd has no gui domain for a user who is not logged in at the GUI: launchctl answers 125.
    private void ThrowUnlessDomainExists(string verb)
    {
        if (guiUser is not null && loginWindow?.ConsoleUser != guiUser)
        {
            throw new ServiceManagerException($"{verb} failed: 125: Domain does not support specified action ({guiUser} is not logged in at the GUI)", 125);
        }
    }
}
