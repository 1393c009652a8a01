using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status;

/// <summary>What `status --wait` found last: the outcome, the state it read (none when not installed), and a message naming the fix.</summary>
public sealed record WaitResult
{
    public required WaitOutcome Outcome { get; init; }

    public StateFile? State { get; init; }

    public required string Message { get; init; }
}
