namespace RigBootstrap.Core.Adapters;

/// <summary>
/// The service manager that starts rig-bootstrap at every boot and runs the fleet agent: launchd on a Mac
/// (system domain), systemd on Linux. A service is named by its label (the systemd unit is `label.service`).
/// </summary>
public interface IServiceManager
{
    /// <summary>Null when the service is not loaded (launchctl print exits 113; systemd LoadState=not-found).</summary>
    Task<ServiceStatus?> GetStatusAsync(string label, CancellationToken cancellationToken);

    /// <summary>Clears a disabled override, which would otherwise survive reboots and block loading.</summary>
    Task EnableAsync(string label, CancellationToken cancellationToken);

    /// <summary>Loads and starts a service from its definition (launchd: bootstrap, retried on `5: Input/output error`).</summary>
    Task LoadAsync(string label, string definitionPath, CancellationToken cancellationToken);

    /// <summary>Stops and unloads a service; one that is not loaded counts as done. For our own label, the last act.</summary>
    Task UnloadAsync(string label, CancellationToken cancellationToken);

    /// <summary>What must happen while the definition file still exists, before it is removed (systemd: disable).</summary>
    Task PrepareRemovalAsync(string label, CancellationToken cancellationToken);

    /// <summary>Starts a loaded service again (after an operator's retry).</summary>
    Task RestartAsync(string label, CancellationToken cancellationToken);
}
