namespace RigBootstrap.Core.State;

/// <summary>Persistent counters that cap reboots and crash loops (docs/invariants.md I5, docs/design.md §10 "cap every retry").</summary>
public sealed record BootCounters
{
    /// <summary>Boots seen by rig-bootstrap, the first included.</summary>
    public int Count { get; init; }

    /// <summary>Consecutive boots during which no step finished or parked for its reboot.</summary>
    public int WithoutProgress { get; init; }

    /// <summary>Steps done or parked for a reboot when the current boot began: the next boot compares against it.</summary>
    public int DoneAtBootStart { get; init; }

    /// <summary>Reboots rig-bootstrap asked for, over the whole workflow.</summary>
    public int RebootsRequested { get; init; }

    /// <summary>Runs that died without finishing in the current boot.</summary>
    public int CrashesThisBoot { get; init; }
}
