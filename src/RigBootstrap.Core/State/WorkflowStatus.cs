namespace RigBootstrap.Core.State;

/// <summary>The workflow line of the state file: what, since when, why, and what happens next.</summary>
public sealed record WorkflowStatus
{
    public required WorkflowState State { get; init; }

    public required DateTimeOffset Since { get; init; }

    public required string Reason { get; init; }

    public string? Next { get; init; }
}
