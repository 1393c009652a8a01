using System.Collections.Immutable;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// Works out what happened since the last run (docs/design.md §3.4 resume rules): a new boot we asked for, a boot we
/// did not ask for, a crash in the same boot, or a plain restart; updates the counters and halts on a reboot loop,
/// a crash loop or a changed workflow. Every outcome is one persistence point.
/// </summary>
public sealed class RunStarter
{
    private readonly WorkflowDefinition _definition;
    private readonly EngineOptions _options;

    public RunStarter(WorkflowDefinition definition, EngineOptions options)
    {
        _definition = definition;
        _options = options;
    }

    public string Start(StateSession session, string bootId, int pid)
    {
        var state = session.Current;
        var change = new StateChange(session);
        var newBoot = state.BootId != bootId;
        var runType = ClassifyRun(state, newBoot, AwaitedAnOutsideRestart(state));
        var counters = state.Boots;
        string? haltReason = null;

        if (newBoot || counters.Count == 0)
        {
            // A step parked for its reboot has done its work in the boot before: that counts as progress.
            var done = state.Steps.Count(s => s.IsDone || s.State == StepState.AwaitingReboot);
            var withoutProgress = counters.Count == 0 || done > counters.DoneAtBootStart ? 0 : counters.WithoutProgress + 1;
            counters = counters with
            {
                Count = counters.Count + 1,
                WithoutProgress = withoutProgress,
                DoneAtBootStart = done,
                CrashesThisBoot = 0,
            };
            if (withoutProgress >= _options.MaxBootsWithoutProgress && !IsFinal(state))
            {
                var stuck = FirstUnfinished(state);
                haltReason = $"reboot loop on step {stuck}: {withoutProgress} boots without any step progressing " +
                    $"(reboot.maxBootsWithoutProgress = {_options.MaxBootsWithoutProgress})" + WhileWaiting(state, stuck);
            }
        }
        else if (state.Run is { Active: true })
        {
            counters = counters with { CrashesThisBoot = counters.CrashesThisBoot + 1 };
            if (counters.CrashesThisBoot >= _options.MaxCrashesPerBoot && !IsFinal(state))
            {
                haltReason = $"crash loop: the run died {counters.CrashesThisBoot} times in this boot during step {FirstUnfinished(state)} " +
                    $"(daemon.maxCrashesPerBoot = {_options.MaxCrashesPerBoot})";
            }
        }

        change.Update(s => s with
        {
            BootId = bootId,
            Boots = counters,
            Reboot = newBoot ? null : s.Reboot,
            Run = new RunMarker { Active = true, BootId = bootId, Pid = pid, StartedAt = session.Now, RunType = runType },
        });
        change.Note("run-started", $"{runType} (boot {counters.Count}, pid {pid})");
        if (newBoot && haltReason is null && !IsFinal(state))
        {
            CheckWaitingStepsNow(change, session.Now);
        }

        haltReason ??= ReconcileSteps(change, session.Now);
        if (haltReason is not null && !IsFinal(change.State))
        {
            change.Workflow(WorkflowTrigger.Halt, haltReason, Remedies.ForHalt(FirstUnfinished(change.State)));
        }

        change.Commit();
        return runType;
    }

    private static string ClassifyRun(StateFile state, bool newBoot, bool awaited) => (state.Boots.Count, newBoot, state.Run?.Active) switch
    {
        (0, _, _) => "Initial",
        (_, true, _) when state.Reboot is not null || awaited => "ResumeAfterReboot",
        (_, true, _) => "UnexpectedReboot",
        (_, false, true) => "ResumeAfterCrash",
        _ => "Restart",
    };

    /// <summary>A step was waiting for a restart someone else makes (the MDM's enforced OS update).</summary>
    private bool AwaitedAnOutsideRestart(StateFile state) =>
        state.Steps.Any(s => s.State == StepState.Waiting && _definition.Steps.FirstOrDefault(d => d.Id == s.Id)?.Traits.WaitEndsWithOutsideRestart == true);

    /// <summary>
    /// A boot is news for a waiting step (an MDM profile arrived, an operator registered the recipient and restarted
    /// the host): its next check is now, not at the end of the back-off the boot before chose. The back-off itself
    /// (the step's facts) is kept, and a step that keeps waiting still counts toward reboot.maxBootsWithoutProgress.
    /// </summary>
    private static void CheckWaitingStepsNow(StateChange change, DateTimeOffset now)
    {
        var waiting = change.State.Steps.Where(s => s.State == StepState.Waiting && s.NextCheck > now).Select(s => s.Id).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        change.Update(s => s with
        {
            Steps = [.. s.Steps.Select(step => waiting.Contains(step.Id) ? step with { NextCheck = now } : step)],
        });
        change.Note("recheck", $"new boot: checking {string.Join(", ", waiting)} now instead of at the end of the back-off");
    }

    /// <summary>Adds steps the workflow gained (Pending) and refuses state that names a step the workflow lost.</summary>
    private string? ReconcileSteps(StateChange change, DateTimeOffset now)
    {
        var known = _definition.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = change.State.Steps.Where(s => !known.Contains(s.Id)).Select(s => s.Id).ToList();
        if (unknown.Count > 0)
        {
            return $"the state file has step(s) {string.Join(", ", unknown)} that the config no longer defines; " +
                "restore the config, or run `rig-bootstrap reset --all` to start over with the new one";
        }

        var present = change.State.Steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var added = _definition.Steps.Where(s => !present.Contains(s.Id)).ToList();
        if (added.Count > 0 || change.State.WorkflowVersion != _definition.Version)
        {
            var records = _definition.Steps
                .Select(s => change.State.Steps.FirstOrDefault(r => r.Id == s.Id) ?? new StepRecord { Id = s.Id, Since = now })
                .ToImmutableArray();
            change.Update(s => s with { Steps = records, WorkflowVersion = _definition.Version });
            change.Note("migrated", $"workflow changed; new steps {string.Join(", ", added.Select(a => a.Id))} start Pending");
        }

        return null;
    }

    /// <summary>
    /// A step that only waits asks for no reboot, so boots that pile up while it waits came from outside (a person,
    /// a power cut): the halt says so, and what the step waits for, rather than let it read as a rig-bootstrap loop.
    /// </summary>
    private static string WhileWaiting(StateFile state, string stepId) =>
        state.Steps.FirstOrDefault(s => s.Id == stepId && s.State == StepState.Waiting) is { WaitingFor: { } waitingFor }
            ? $"; the step was waiting ({waitingFor}) and asked for none of these reboots"
            : "";

    private static bool IsFinal(StateFile state) => state.Workflow.State is WorkflowState.Completed or WorkflowState.Halted;

    private static string FirstUnfinished(StateFile state) =>
        state.Steps.FirstOrDefault(s => !s.IsDone)?.Id ?? WorkflowDefinition.HandoffStepId;
}
