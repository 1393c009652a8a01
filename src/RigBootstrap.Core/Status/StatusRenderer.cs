using System.Globalization;
using System.Text;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Steps;

namespace RigBootstrap.Core.Status;

/// <summary>
/// The human view of state.json for an operator at 2 a.m.: the workflow line first (what, since when, why, what
/// next), a STUCK line past the deadline, the age recipient to register, the boot counters, then one row per step
/// with what it waits for and when it checks again.
/// </summary>
public static class StatusRenderer
{
    public static string Render(StateFile state, DateTimeOffset now) => Render(state, now, StuckStep.DefaultDeadline);

    /// <param name="delivery">events/delivered.json, when events are configured: after `Completed` the head line says what delivery is doing.</param>
    public static string Render(StateFile state, DateTimeOffset now, TimeSpan stuckDeadline, DeliveryCursor? delivery = null)
    {
        var text = new StringBuilder();
        var workflow = state.Workflow;
        var events = DeliveryText.AfterCompleted(state, delivery) is { } said ? $"; {said}" : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"{state.Label}: {workflow.State} since {Stamp(workflow.Since)} ({DurationText.Coarse(now - workflow.Since)} ago){events}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  why:  {workflow.Reason}");
        if (workflow.Next is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  next: {workflow.Next}");
        }

        if (StuckStep.Find(state, now, stuckDeadline) is { } stuck)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  STUCK in step {stuck.StepId} for {DurationText.Coarse(stuck.For)}: it is {stuck.State} and no step has finished since {Stamp(stuck.NoProgressSince)} (deadline {DurationText.Coarse(stuckDeadline)})");
        }

        if (state.AgeRecipient is { } recipient)
        {
            // While `secrets` waits, registering the recipient is the one thing that moves this host on.
            var secretsWaits = state.Steps.Any(s => s.Id == BuiltInStepIds.Secrets && s.State == StepState.Waiting);
            text.AppendLine(secretsWaits
                ? $"  register it: add this host's age recipient to the fleet's SOPS file; secrets waits for it: {recipient}"
                : $"  age recipient: {recipient}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"  boot {state.Boots.Count} ({state.BootId}); reboots requested {state.Boots.RebootsRequested}; boots without progress {state.Boots.WithoutProgress}; crashes this boot {state.Boots.CrashesThisBoot}");
        text.AppendLine();
        TextTable.Append(
            text,
            ["STEP", "STATE", "SINCE", "TRIES", "DETAIL"],
            state.Steps.Select(s => new[] { s.Id, s.State.ToString(), Stamp(s.Since), s.Attempts.ToString(CultureInfo.InvariantCulture), Detail(s) }));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  state file updated {Stamp(state.UpdatedAt)}; rig-bootstrap {state.Version}");
        return text.ToString();
    }

    private static string Detail(StepRecord step) => step.Progress is { } progress && step.State is StepState.Waiting or StepState.Running
        ? $"{(step.State == StepState.Waiting ? step.WaitingFor : $"started {Stamp(step.StartedAt)}")}: {ProgressText.Of(progress)}"
        : Plain(step);

    private static string Plain(StepRecord step) => step.State switch
    {
        StepState.Waiting => $"{step.WaitingFor}; checks again {Stamp(step.NextCheck)}",
        StepState.AwaitingReboot => $"{step.WaitingFor}; verified after the next boot",
        StepState.Failed when step.NextCheck is not null => $"{step.LastError}; retries {Stamp(step.NextCheck)}",
        StepState.Failed => $"{step.LastError}",
        StepState.Running => $"started {Stamp(step.StartedAt)}",
        StepState.Succeeded or StepState.Skipped when step.Facts.TryGetValue(StepFacts.Outcome, out var outcome) => outcome,
        _ => "",
    };

    private static string Stamp(DateTimeOffset? time) => DurationText.Stamp(time);
}
