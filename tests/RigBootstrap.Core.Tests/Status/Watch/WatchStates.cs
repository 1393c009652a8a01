using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Tests.Status.Watch;

/// <summary>Small state files for the watch tests: a workflow of two steps at a given place.</summary>
public static class WatchStates
{
    public const string Label = "com.rig.bootstrap";

    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static StateFile At(WorkflowState workflow, string reason, int stepsDone = 0, string? next = null) => new()
    {
        Version = "test",
        Label = Label,
        WorkflowVersion = "v1",
        Workflow = new WorkflowStatus { State = workflow, Since = Start, Reason = reason, Next = next },
        BootId = "boot-1",
        Steps =
        [
            new StepRecord { Id = "first", State = stepsDone >= 1 ? StepState.Succeeded : StepState.Running, Since = Start },
            new StepRecord { Id = "second", State = stepsDone >= 2 ? StepState.Succeeded : StepState.Pending, Since = Start },
        ],
        UpdatedAt = Start,
    };
}
