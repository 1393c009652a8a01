namespace RigBootstrap.Core.Tests.Workflow.Scheduler;

/// <summary>A row of the scheduler table: the steps in workflow order and the decision expected, in words.</summary>
public sealed record SchedulerCase(string Name, CaseStep[] Steps, string Expected);
