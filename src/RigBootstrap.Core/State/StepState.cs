namespace RigBootstrap.Core.State;

/// <summary>Where one step is (docs/design.md §3).</summary>
public enum StepState
{
    Pending,
    Running,
    Succeeded,
    Skipped,
    Waiting,
    AwaitingReboot,
    Failed,
}
