namespace RigBootstrap.Core.Status.Watch;

/// <summary>The words every `status --watch` format shares.</summary>
public static class WatchText
{
    public static string Absent(string statePath) =>
        $"no state at {statePath} yet; waiting for it to appear (rig-bootstrap is not installed here yet, or its state was removed)";
}
