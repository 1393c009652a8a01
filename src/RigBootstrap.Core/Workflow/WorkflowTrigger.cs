namespace RigBootstrap.Core.Workflow;

/// <summary>What moves the workflow from one state to the next.</summary>
public enum WorkflowTrigger
{
    Start,
    Wait,
    RequestReboot,
    BeginHandoff,
    Complete,
    Halt,
    Retry,
}
