using System.Collections.Immutable;

namespace RigBootstrap.Core.Workflow;

/// <summary>What the engine should do next, decided from the state alone.</summary>
public abstract record SchedulerDecision
{
    private SchedulerDecision()
    {
    }

    public sealed record RunStep(string StepId) : SchedulerDecision;

    public sealed record WaitUntil(DateTimeOffset Until, string Reason) : SchedulerDecision;

    public sealed record Reboot(ImmutableArray<string> ForSteps) : SchedulerDecision;

    public sealed record Complete : SchedulerDecision;

    public sealed record Stuck(string Reason) : SchedulerDecision;
}
