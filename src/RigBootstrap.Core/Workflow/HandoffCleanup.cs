using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// The cleanup after `Completed` is durable (docs/invariants.md I8): delete our service definition (plist or unit) and binary,
/// then unload ourselves (launchd bootout, systemd stop) as the very last act. Each part is idempotent, so a restart at any point only finishes the cleanup.
/// </summary>
public sealed class HandoffCleanup
{
    private readonly HostPaths _paths;
    private readonly IServiceManager _serviceManager;
    private readonly string _label;
    private readonly string _definitionPath;
    private readonly ILogger _logger;
    private readonly Func<CancellationToken, Task>? _beforeSelfUnload;

    public HandoffCleanup(HostPaths paths, IServiceManager serviceManager, string label, string definitionPath, ILogger logger, Func<CancellationToken, Task>? beforeSelfUnload = null)
    {
        _beforeSelfUnload = beforeSelfUnload;
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
            await _serviceManager.PrepareRemovalAsync(_label, cancellationToken);
            DeleteIfPresent(_definitionPath);
            DeleteIfPresent(_paths.InstalledBinaryPath);
            if (Directory.Exists(_paths.InstalledBinaryDirPath) && !Directory.EnumerateFileSystemEntries(_paths.InstalledBinaryDirPath).Any())
            {
                Directory.Delete(_paths.InstalledBinaryDirPath);
            }

            new StateChange(session)
                .Update(s => s with
                {
                    Handoff = (s.Handoff ?? new State.HandoffRecord { AgentLabel = "" }) with { CleanedUpAt = session.Now },
                    Run = s.Run is null ? null : s.Run with { Active = false },
                })
                .Note("cleanup", $"removed {_definitionPath} and {_paths.InstalledBinaryPath}; unloading {_label} last")
                .Commit();
        }

        if (_beforeSelfUnload is not null)
        {
            await _beforeSelfUnload(cancellationToken);
        }

        _logger.LogInformation("Unloading {Label}: the last act of rig-bootstrap on this host", _label);
        await _serviceManager.UnloadAsync(_label, cancellationToken);
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
