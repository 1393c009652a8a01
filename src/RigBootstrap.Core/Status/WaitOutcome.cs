namespace RigBootstrap.Core.Status;

/// <summary>How `status --wait` ended.</summary>
public enum WaitOutcome
{
    Completed,
    Halted,

    /// <summary>The workflow is not final and our daemon is not loaded, so nothing would ever move it.</summary>
    DaemonNotLoaded,

    TimedOut,

    /// <summary>There is no state file under the host root.</summary>
    NotInstalled,
}
