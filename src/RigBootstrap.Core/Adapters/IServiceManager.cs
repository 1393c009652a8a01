namespace RigBootstrap.Core.Adapters;

/// <summary>The launchd operations rig-bootstrap needs, in the system domain.</summary>
public interface IServiceManager
{
    /// <summary>Null when the label is not loaded (launchctl print exits 113).</summary>
    Task<ServiceStatus?> GetStatusAsync(string label, CancellationToken cancellationToken);

    /// <summary>Clears a disabled override, which would otherwise survive reboots and block bootstrap.</summary>
    Task EnableAsync(string label, CancellationToken cancellationToken);

    /// <summary>Loads a daemon, retrying the transient `5: Input/output error` until a deadline.</summary>
    Task LoadAsync(string label, string plistPath, CancellationToken cancellationToken);

    /// <summary>Unloads a daemon; a label that is not loaded counts as done.</summary>
    Task UnloadAsync(string label, CancellationToken cancellationToken);

    /// <summary>Starts a loaded daemon again (after an operator's retry).</summary>
    Task RestartAsync(string label, CancellationToken cancellationToken);
}
