using System.Collections.Immutable;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Workflow;

/// <summary>
/// Picks the next step (docs/design.md §3.5 reboot coalescing): runnable steps first in workflow order; a step that reboots
/// the host by itself only when nothing else can run or is waiting in this boot; a reboot only when nothing can
/// progress without it; waiting steps hold the reboot back, since they may still finish in this boot, unless what
/// they wait for comes with a boot (<see cref="StepTraits.WaitsEndWithABoot"/>): those are checked on their
/// schedule only while nothing else is left to do.
/// </summary>
public static class StepScheduler
{
    public static SchedulerDecision Decide(WorkflowDefinition definition, StateFile state, string bootId, DateTimeOffset now)
    {
        var done = state.Steps.Where(s => s.IsDone).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (definition.Steps.All(s => done.Contains(s.Id)))
        {
            return new SchedulerDecision.Complete();
        }

        var runnable = new List<IStep>();
        var waiting = new List<StepRecord>();
        var waitingForABoot = new List<StepRecord>();
        var parked = ImmutableArray.CreateBuilder<string>();
        foreach (var step in definition.Steps.Where(s => !done.Contains(s.Id) && s.DependsOn.All(done.Contains)))
        {
            var record = state.Step(step.Id);
            switch (record.State)
            {
                case StepState.Pending or StepState.Running:
                    runnable.Add(step);
                    break;
                case StepState.Waiting when step.Traits.WaitsEndWithABoot && record.NextCheck is { } next && next > now:
                    waitingForABoot.Add(record);
                    break;
                case StepState.Waiting or StepState.Failed when record.NextCheck is { } next && next > now:
                    waiting.Add(record);
                    break;
                case StepState.Waiting or StepState.Failed:
                    runnable.Add(step);
                    break;
                case StepState.AwaitingReboot when record.BootId != bootId:
                    runnable.Add(step);
                    break;
                case StepState.AwaitingReboot:
                    parked.Add(step.Id);
                    break;
            }
        }

        var ordinary = runnable.FirstOrDefault(s => !s.Traits.RebootsItself);
        if (ordinary is not null)
        {
            return new SchedulerDecision.RunStep(ordinary.Id);
        }

        if (waiting.Count > 0)
        {
            return WaitFor(waiting);
        }

        if (runnable.Count > 0)
        {
            return new SchedulerDecision.RunStep(runnable[0].Id);
        }

        if (parked.Count > 0)
        {
            return new SchedulerDecision.Reboot(parked.ToImmutable());
        }

        if (waitingForABoot.Count > 0)
        {
            return WaitFor(waitingForABoot);
        }

        var blocked = definition.Steps.Where(s => !done.Contains(s.Id)).Select(s => s.Id);
        return new SchedulerDecision.Stuck($"no step can run: {string.Join(", ", blocked)} wait on steps that cannot finish");
    }

    private static SchedulerDecision.WaitUntil WaitFor(List<StepRecord> waiting)
    {
        var soonest = waiting.MinBy(w => w.NextCheck)!;
        var reason = string.Join("; ", waiting.Select(w => $"{w.Id}: {w.WaitingFor ?? w.LastError ?? "waiting"}"));
        return new SchedulerDecision.WaitUntil(soonest.NextCheck!.Value, reason);
    }
}
