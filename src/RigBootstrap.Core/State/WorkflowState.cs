namespace RigBootstrap.Core.State;

/// <summary>Where the whole workflow is (docs/design.md §3).</summary>
public enum WorkflowState
{
    Installed,
    Running,
    Waiting,
    AwaitingReboot,
    HandingOff,
    Completed,
    Halted,
}
