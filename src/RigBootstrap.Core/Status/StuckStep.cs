using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status;

/// <summary>
/// The step a workflow has been stuck in for longer than a deadline (docs/design.md §10: a ronin host sat broken and
/// unnoticed for four months). Measured from the last time any step finished, because a step's own `since` moves
/// at every check of a wait and would hide a wait that never ends.
/// </summary>
public sealed record StuckStep(string StepId, StepState State, TimeSpan For, DateTimeOffset NoProgressSince)
{
    /// <summary>How long a step may hold the workflow before `status` calls it stuck (a config setting may override it later).</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromHours(2);

    // The order in which a step explains a stall: one doing work, then one waiting, then one failing, then one parked.
    private static readonly StepState[] Culprits = [StepState.Running, StepState.Waiting, StepState.Failed, StepState.AwaitingReboot, StepState.Pending];

    /// <summary>Null when the workflow is final, nothing is unfinished, or progress is more recent than the deadline.</summary>
    public static StuckStep? Find(StateFile state, DateTimeOffset now, TimeSpan deadline)
    {
        if (state.Workflow.State is WorkflowState.Completed or WorkflowState.Halted || state.Steps.IsDefaultOrEmpty)
        {
            return null;
        }

        var progress = state.LastProgressAt ?? state.Steps.Min(s => s.Since);
        var stalled = now - progress;
        var culprit = Culprits.Select(c => state.Steps.FirstOrDefault(s => s.State == c)).FirstOrDefault(s => s is not null);
        return culprit is null || stalled <= deadline ? null : new StuckStep(culprit.Id, culprit.State, stalled, progress);
    }
}
