using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Tests.Workflow.Scheduler;

/// <summary>
/// One step of a scheduler case: its definition (dependencies, traits) and its record in the state file. Its next
/// check is relative to the case's now (null: none); <see cref="EarlierBoot"/> means its record's boot is not this one.
/// </summary>
public sealed record CaseStep(string Id, StepState State, params string[] DependsOn)
{
    public TimeSpan? NextCheckIn { get; init; }

    public bool EarlierBoot { get; init; }

    public bool RebootsItself { get; init; }

    public bool WaitsEndWithABoot { get; init; }

    public string? WaitingFor { get; init; }

    public string? LastError { get; init; }

    public int Attempts { get; init; }
}
