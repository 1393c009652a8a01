using System.Collections.Immutable;

namespace RigBootstrap.Core.State;

/// <summary>state.json: the operators' interface and the engine's single source of truth (docs/design.md §9).</summary>
public sealed record StateFile
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string Version { get; init; }

    public required string Label { get; init; }

    /// <summary>A hash of the step list: a config whose steps changed is noticed on resume.</summary>
    public required string WorkflowVersion { get; init; }

    public required WorkflowStatus Workflow { get; init; }

    public required string BootId { get; init; }

    public BootCounters Boots { get; init; } = new();

    public required ImmutableArray<StepRecord> Steps { get; init; }

    public string? AgeRecipient { get; init; }

    public HandoffRecord? Handoff { get; init; }

    public RebootIntent? Reboot { get; init; }

    public RunMarker? Run { get; init; }

    public DateTimeOffset? LastProgressAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public StepRecord Step(string id) =>
        Steps.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"No step '{id}' in the state file.");

    public StateFile WithStep(StepRecord record) =>
        this with { Steps = Steps.Select(s => s.Id == record.Id ? record : s).ToImmutableArray() };
}
