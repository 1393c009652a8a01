using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Install;

/// <summary>
/// `install` (docs/design.md §1.1): validate everything first, then copy the binary, write config, state and plist with
/// the modes of docs/design.md §5, enable and bootstrap the daemon, and return. It never runs the workflow itself.
/// Running it again reports and changes nothing; an install cut short is finished by the next one.
/// </summary>
public sealed class Installer
{
    private const UnixFileMode BinaryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode PlistMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode ConfigMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly HostServices _services;

    public Installer(HostServices services) => _services = services;

    /// <summary>Reads the config at <paramref name="configPath"/> once, then installs as <see cref="InstallAsync(ConfigFile, string, string, CancellationToken)"/>.</summary>
    public Task<InstallResult> InstallAsync(string configPath, string sourceBinaryPath, string version, CancellationToken cancellationToken) =>
        InstallAsync(ConfigLoader.ReadFile(configPath), sourceBinaryPath, version, cancellationToken);

    /// <summary>
    /// Installs <paramref name="configFile"/>'s bytes, the ones its config was validated from: the file is never read
    /// again, so a config changed meanwhile cannot be installed unvalidated.
    /// </summary>
    public async Task<InstallResult> InstallAsync(ConfigFile configFile, string sourceBinaryPath, string version, CancellationToken cancellationToken)
    {
        // docs/invariants.md I9: everything is validated before the first side effect.
        var config = configFile.Config;
        var configPath = configFile.FilePath;
        // Refusals that need the host: what the config asks for that this Mac cannot do (exit 78, nothing changed).
        await OsUpgradePreflight.CheckAsync(config, configPath, _services.SoftwareUpdate, cancellationToken);
        await AutologinPreflight.CheckAsync(config, configPath, _services.LoginWindow, cancellationToken);
        var definition = WorkflowFactory.Build(config, _services);
        var options = WorkflowFactory.Options(config, version);
        var paths = _services.Paths;

        using var installLock = await ExclusiveFileLock.TryAcquireAsync(paths.InstallLockPath, TimeSpan.FromSeconds(60), _services.Time, cancellationToken)
            ?? throw new LockBusyException($"another install has held {paths.InstallLockPath} for a minute; try again later");
        var store = new StateFileStore(paths);
        var loaded = await _services.ServiceManager.GetStatusAsync(config.Label, cancellationToken);
        if (store.Exists)
        {
            var existing = store.Load().State!;
            if (existing.Workflow.State == WorkflowState.Completed)
            {
                return new InstallResult(false, $"{config.Label}: already bootstrapped (Completed since {existing.Workflow.Since:u}); nothing changed");
            }

            if (loaded is not null && File.Exists(paths.InstalledBinaryPath))
            {
                return new InstallResult(false, $"{config.Label}: already installed; workflow {existing.Workflow.State} since {existing.Workflow.Since:u}: {existing.Workflow.Reason}; nothing changed");
            }
        }

        Directory.CreateDirectory(paths.InstalledBinaryDirPath);
        Directory.CreateDirectory(paths.StateDirPath);
        Directory.CreateDirectory(paths.LogDirPath);
        CopyBinary(sourceBinaryPath, paths.InstalledBinaryPath);
        DurableFile.WriteAtomically(paths.ConfigPath, configFile.Bytes.AsSpan(), ConfigMode);
        if (!store.Exists)
        {
            var bootId = await _services.BootIdentity.GetBootIdAsync(cancellationToken);
            var state = InitialState.Create(definition, options, bootId, _services.Time.GetUtcNow());
            store.Save(state);
            new Journal.JournalWriter(paths).Append(new Journal.JournalEntry
            {
                Time = state.UpdatedAt,
                BootId = bootId,
                Kind = "installed",
                Reason = $"installed {version} with {definition.Steps.Length} steps",
            });
        }

        var definitionFile = ServiceDefinitionFile.For(config.Platform, paths, config.Label, config.Daemon.ThrottleIntervalSeconds, _services.Tools.ToolsDirPath);
        Directory.CreateDirectory(Path.GetDirectoryName(definitionFile.Path)!);
        DurableFile.WriteAtomically(definitionFile.Path, definitionFile.Content, PlistMode);
        if (loaded is null)
        {
            // launchd: a disabled override survives reboots and reinstalls, so enable before bootstrap (docs/design.md §10).
            // systemd: enable needs the unit loaded first, which LoadAsync does (daemon-reload, enable --now).
            if (config.Platform == HostPlatform.MacOs)
            {
                await _services.ServiceManager.EnableAsync(config.Label, cancellationToken);
            }

            await _services.ServiceManager.LoadAsync(config.Label, definitionFile.Path, cancellationToken);
        }

        return new InstallResult(true, $"{config.Label}: installed {definition.Steps.Length} steps; {(config.Platform == HostPlatform.Linux ? "systemd" : "launchd")} runs `{paths.InstalledBinaryPath} run` now and after every boot; follow with `rig-bootstrap status`");
    }

    private static void CopyBinary(string sourcePath, string destinationPath)
    {
        if (Path.GetFullPath(sourcePath) == Path.GetFullPath(destinationPath))
        {
            return;
        }

        var tempPath = destinationPath + ".new";
        File.Copy(sourcePath, tempPath, overwrite: true);
        File.SetUnixFileMode(tempPath, BinaryMode);
        File.Move(tempPath, destinationPath, overwrite: true);
    }
}
