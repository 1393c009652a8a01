using RigBootstrap.Core.Adapters;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>A launchd whose jobs the test sets, and which records every call in order.</summary>
public sealed class RecordingLaunchd : IServiceManager
{
    public Dictionary<string, ServiceStatus> Jobs { get; } = [];

    public List<string> Calls { get; } = [];

    public Action<string>? OnCall { get; set; }

    public Task<ServiceStatus?> GetStatusAsync(string label, CancellationToken cancellationToken)
    {
        Record($"print {label}");
        return Task.FromResult(Jobs.GetValueOrDefault(label));
    }

    public Task EnableAsync(string label, CancellationToken cancellationToken) => Record($"enable {label}");

    public Task LoadAsync(string label, string plistPath, CancellationToken cancellationToken)
    {
        Jobs[label] = new ServiceStatus(label, "running", 100, null, 1);
        return Record($"bootstrap {label}");
    }

    public Task UnloadAsync(string label, CancellationToken cancellationToken)
    {
        Jobs.Remove(label);
        return Record($"bootout {label}");
    }

    /// <summary>launchd needs nothing before its plist goes: bootout works from the label alone.</summary>
    public Task PrepareRemovalAsync(string label, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RestartAsync(string label, CancellationToken cancellationToken) => Record($"kickstart {label}");

    private Task Record(string call)
    {
        Calls.Add(call);
        OnCall?.Invoke(call);
        return Task.CompletedTask;
    }
}
