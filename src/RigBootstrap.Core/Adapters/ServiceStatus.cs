namespace RigBootstrap.Core.Adapters;

/// <summary>What launchd says about a loaded job.</summary>
public sealed record ServiceStatus(string Label, string? State, int? Pid, int? LastExitCode, int? Runs)
{
    public bool IsRunning => Pid is not null;

    /// <summary>Healthy for a handoff: running, or exited cleanly (docs/design.md §1.4).</summary>
    public bool IsHealthy => IsRunning || LastExitCode == 0;

    /// <summary>A run since the job was loaded has ended with exit 0 (a periodic job's health).</summary>
    public bool HasExitedCleanSinceLoad => Runs > 0 && LastExitCode == 0;
}
