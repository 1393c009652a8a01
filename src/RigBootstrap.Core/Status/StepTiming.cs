using System.Collections.Immutable;

namespace RigBootstrap.Core.Status;

/// <summary>Where one step's time went, summed over every try in every boot.</summary>
public sealed record StepTiming
{
    public required string StepId { get; init; }

    /// <summary>Time spent Running: from each move into Running to the move out of it.</summary>
    public required TimeSpan Running { get; init; }

    /// <summary>How many times the step entered Running (tries, checks of a wait, verifications after a reboot).</summary>
    public required int Runs { get; init; }

    /// <summary>Runs that never reported an outcome because the process died; each is counted up to its run's last entry.</summary>
    public int Interrupted { get; init; }

    /// <summary>The boots (by number) in which the step ran.</summary>
    public required ImmutableArray<int> Boots { get; init; }

    /// <summary>From the first move into Running to the last move of the step: waits and reboots included.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The state of the step's last journaled move.</summary>
    public required string LastState { get; init; }
}
