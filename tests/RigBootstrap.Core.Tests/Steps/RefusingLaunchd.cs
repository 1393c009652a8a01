using RigBootstrap.Core.Adapters;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>A launchd where nothing is loaded and every bootstrap fails as launchd's transient error 5 does.</summary>
public sealed class RefusingLaunchd : IServiceManager
{
    public Task<ServiceStatus?> GetStatusAsync(string label, CancellationToken cancellationToken) => Task.FromResult<ServiceStatus?>(null);

    public Task EnableAsync(string label, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LoadAsync(string label, string definitionPath, CancellationToken cancellationToken) =>
        throw new ServiceManagerException($"Bootstrap failed: 5: Input/output error ({label})", 5);

    public Task UnloadAsync(string label, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PrepareRemovalAsync(string label, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RestartAsync(string label, CancellationToken cancellationToken) => Task.CompletedTask;
}
