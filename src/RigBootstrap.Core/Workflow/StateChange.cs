using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// Gathers the moves of one persistence point (a step move, a workflow move, counters) so they are written
/// together; every move goes through its lifecycle, so an illegal one throws before anything is written.
/// </summary>
public sealed class StateChange
{
    private readonly StateSession _session;
    private readonly List<JournalEntry> _entries = [];
    private StateFile _state;

    public StateChange(StateSession session)
    {
        _session = session;
        _state = session.Current;
    }

    public StateFile State => _state;

    public StateChange Step(string stepId, StepTrigger trigger, string reason, Func<StepRecord, StepRecord>? update = null)
    {
        var record = _state.Step(stepId);
        var to = StepLifecycle.Next(record.State, trigger);
        var moved = record with { State = to, Since = record.State == to ? record.Since : _session.Now };
        moved = update?.Invoke(moved) ?? moved;
        _state = _state.WithStep(moved);
        _entries.Add(_session.Entry("step", stepId, record.State.ToString(), to.ToString(), reason, moved.Attempts));
        if (moved.IsDone && !record.IsDone)
        {
            _state = _state with { LastProgressAt = _session.Now };
        }

        return this;
    }

    public StateChange Workflow(WorkflowTrigger trigger, string reason, string? next)
    {
        var from = _state.Workflow.State;
        var previousReason = _state.Workflow.Reason;
        var to = WorkflowLifecycle.Next(from, trigger);
        _state = _state with
        {
            Workflow = new WorkflowStatus
            {
                State = to,
                Since = from == to ? _state.Workflow.Since : _session.Now,
                Reason = reason,
                Next = next,
            },
        };
        // A reentry (Running on a step start, AwaitingReboot asked again, HandingOff resumed) only refreshes the reason;
        // a new wait reason is news for the operator.
        if (from != to || (to == WorkflowState.Waiting && previousReason != reason))
        {
            _entries.Add(_session.Entry("workflow", from: from.ToString(), to: to.ToString(), reason: reason));
        }

        return this;
    }

    /// <summary>Moves the workflow only when the move is legal from where it is (e.g. Halt when already Completed).</summary>
    public StateChange WorkflowIfPossible(WorkflowTrigger trigger, string reason, string? next) =>
        WorkflowLifecycle.CanMove(_state.Workflow.State, trigger) ? Workflow(trigger, reason, next) : this;

    public StateChange Update(Func<StateFile, StateFile> update)
    {
        _state = update(_state);
        return this;
    }

    public StateChange Note(string kind, string reason, string? step = null)
    {
        _entries.Add(_session.Entry(kind, step, reason: reason));
        return this;
    }

    /// <summary>Writes the change; its journal lines carry the boot id of the state they describe (a new boot's first run included).</summary>
    public void Commit() => _session.Commit(_state, [.. _entries.Select(e => e with { BootId = _state.BootId })]);
}
