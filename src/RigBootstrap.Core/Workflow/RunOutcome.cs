namespace RigBootstrap.Core.Workflow;

/// <summary>How a `run` ended.</summary>
public enum RunOutcome
{
    Completed,
    Halted,
    RebootRequested,
    AwaitingManualReboot,
}
