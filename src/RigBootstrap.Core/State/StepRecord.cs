using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace RigBootstrap.Core.State;

/// <summary>The persisted record of one step: the operator reads it, the engine resumes from it.</summary>
public sealed record StepRecord
{
    public required string Id { get; init; }

    public StepState State { get; init; } = StepState.Pending;

    public required DateTimeOffset Since { get; init; }

    public int Attempts { get; init; }

    /// <summary>How many times this step asked for a reboot (capped by reboot.maxRebootsPerStep).</summary>
    public int Reboots { get; init; }

    public string? LastError { get; init; }

    public string? WaitingFor { get; init; }

    public DateTimeOffset? NextCheck { get; init; }

    /// <summary>The boot in which the step last started or asked for its reboot.</summary>
    public string? BootId { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>A transfer in progress (bytes done of total, rate), while the step downloads; null otherwise.</summary>
    public StepProgress? Progress { get; init; }

    /// <summary>Small, non-secret facts a step keeps between runs (e.g. when the agent became healthy).</summary>
    public ImmutableSortedDictionary<string, string> Facts { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    [JsonIgnore]
    public bool IsDone => State is StepState.Succeeded or StepState.Skipped;
}
