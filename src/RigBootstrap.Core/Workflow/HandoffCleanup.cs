using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// The cleanup after `Completed` is durable (docs/invariants.md I8): with events configured, first let delivery finish
/// (bounded by events.deliverFor; the host is the agent's meanwhile and nothing else is done to it), then delete our
/// service definition (plist or unit) and binary, then unload ourselves (launchd bootout, systemd stop) as the very
/// last act. Each part is idempotent, so a restart at any point (a reboot included) only finishes the cleanup.
/// </summary>
public sealed class HandoffCleanup
{
    private readonly HostPaths _paths;
    private readonly IServiceManager _serviceManager;
    private readonly string _label;
    private readonly string _definitionPath;
    private readonly ILogger _logger;
    private readonly Func<State.StateFile, CancellationToken, Task<string?>>? _beforeCleanup;

    public HandoffCleanup(
        HostPaths paths, IServiceManager serviceManager, string label, string definitionPath, ILogger logger, Func<State.StateFile, CancellationToken, Task<string?>>? beforeCleanup = null)
    {
        _beforeCleanup = beforeCleanup;
        _paths = paths;
        _serviceManager = serviceManager;
        _label = label;
        _definitionPath = definitionPath;
        _logger = logger;
    }

    public async Task FinishAsync(StateSession session, CancellationToken cancellationToken)
    {
        if (session.Current.Handoff?.CleanedUpAt is null)
        {
            // While this waits the daemon stays loaded, so a reboot or a crash runs it again and it resumes here.
            var undelivered = _beforeCleanup is null ? null : await _beforeCleanup(session.Current, cancellationToken);
            await _serviceManager.PrepareRemovalAsync(_label, cancellationToken);
            DeleteIfPresent(_definitionPath);
            DeleteIfPresent(_paths.InstalledBinaryPath);
            if (Directory.Exists(_paths.InstalledBinaryDirPath) && !Directory.EnumerateFileSystemEntries(_paths.InstalledBinaryDirPath).Any())
            {
                Directory.Delete(_paths.InstalledBinaryDirPath);
            }

            var change = new StateChange(session);
            if (undelivered is not null)
            {
                change.Note("events", undelivered);
            }

            change
                .Update(s => s with
                {
                    Handoff = (s.Handoff ?? new State.HandoffRecord { AgentLabel = "" }) with { CleanedUpAt = session.Now },
                    Run = s.Run is null ? null : s.Run with { Active = false },
                })
                .Note("cleanup", $"removed {_definitionPath} and {_paths.InstalledBinaryPath}; unloading {_label} last")
                .Commit();
        }

        _logger.LogInformation("Unloading {Label}: the last act of rig-bootstrap on this host", _label);
        try
        {
            await _serviceManager.UnloadAsync(_label, cancellationToken);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            // Unloading our own job makes launchd (bootout) or systemd (stop) SIGTERM this process while launchctl or
            // systemctl waits for it, and the stop kills that tool: the signal is the unload taking effect. Everything
            // was removed and committed above, so the run ends Completed rather than failing on its own last act.
            _logger.LogInformation("Unloading {Label} stopped this run, as it does when a job unloads itself ({Detail})", _label, ex.Message);
        }
    }

    private void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
            _logger.LogInformation("Removed {Path}", path);
        }
    }
}
