namespace RigBootstrap.Core.Steps;

/// <summary>What counts as a healthy fleet agent at handoff.</summary>
public enum AgentHealth
{
    /// <summary>A long-running service (the Linux unit): running, or exited 0 (docs/design.md §1.4).</summary>
    RunningOrExitedClean,

    /// <summary>
    /// A pull loop (the Mac LaunchAgent, StartInterval): loaded, and a run since the load has exited 0. launchd counts
    /// `runs` from the load and prints `last exit code = (never exited)` until the first exit.
    /// </summary>
    ExitedCleanSinceLoad,
}
