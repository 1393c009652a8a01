using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// The cleanup after `Completed` is durable (DESIGN I8): delete our plist and binary, then boot ourselves out of
/// launchd as the very last act. Each part is idempotent, so a restart at any point only finishes the cleanup.
/// </summary>
public sealed class HandoffCleanup
{
    private readonly HostPaths _paths;
    private readonly IServiceManager _launchd;
    private readonly string _label;
    private readonly ILogger _logger;

    public HandoffCleanup(HostPaths paths, IServiceManager launchd, string label, ILogger logger)
    {
        _paths = paths;
        _launchd = launchd;
        _label = label;
        _logger = logger;
    }

    public async Task FinishAsync(StateSession session, CancellationToken cancellationToken)
    {
        if (session.Current.Handoff?.CleanedUpAt is null)
        {
            DeleteIfPresent(_paths.LaunchDaemonPlistPath(_label));
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
                .Note("cleanup", $"removed {_paths.LaunchDaemonPlistPath(_label)} and {_paths.InstalledBinaryPath}; booting out {_label} last")
                .Commit();
        }

        _logger.LogInformation("Booting out {Label}: the last act of rig-bootstrap on this host", _label);
        await _launchd.UnloadAsync(_label, cancellationToken);
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
