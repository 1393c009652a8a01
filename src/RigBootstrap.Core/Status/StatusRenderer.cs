using System.Globalization;
using System.Text;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status;

/// <summary>
/// The human view of state.json for an operator at 2 a.m.: the workflow line first (what, since when, why, what
/// next), the boot counters, then one row per step with what it waits for and when it checks again.
/// </summary>
public static class StatusRenderer
{
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(2);

    public static string Render(StateFile state, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var workflow = state.Workflow;
        text.AppendLine(CultureInfo.InvariantCulture, $"{state.Label}: {workflow.State} since {Stamp(workflow.Since)} ({Ago(now - workflow.Since)} ago)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  why:  {workflow.Reason}");
        if (workflow.Next is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  next: {workflow.Next}");
        }

        var progress = state.LastProgressAt ?? state.Steps.Min(s => s.Since);
        if (workflow.State is not (WorkflowState.Completed or WorkflowState.Halted) && now - progress > StuckAfter)
        {
            var step = state.Steps.FirstOrDefault(s => !s.IsDone)?.Id ?? "handoff";
            text.AppendLine(CultureInfo.InvariantCulture, $"  STUCK: no step has finished for {Ago(now - progress)}; first unfinished step: {step}");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"  boot {state.Boots.Count} ({state.BootId}); reboots requested {state.Boots.RebootsRequested}; boots without progress {state.Boots.WithoutProgress}; crashes this boot {state.Boots.CrashesThisBoot}");
        if (state.AgeRecipient is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  age recipient (register it for this host's secrets): {state.AgeRecipient}");
        }

        text.AppendLine();
        var rows = state.Steps.Select(s => new[] { s.Id, s.State.ToString(), Stamp(s.Since), s.Attempts.ToString(CultureInfo.InvariantCulture), Detail(s) }).ToList();
        rows.Insert(0, ["STEP", "STATE", "SINCE", "TRIES", "DETAIL"]);
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            text.Append("  ");
            for (var i = 0; i < 4; i++)
            {
                text.Append(row[i].PadRight(widths[i] + 2));
            }

            text.AppendLine(row[4]);
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  state file updated {Stamp(state.UpdatedAt)}; rig-bootstrap {state.Version}");
        return text.ToString();
    }

    private static string Detail(StepRecord step) => step.State switch
    {
        StepState.Waiting => $"{step.WaitingFor}; checks again {Stamp(step.NextCheck)}",
        StepState.AwaitingReboot => $"{step.WaitingFor}; verified after the next boot",
        StepState.Failed when step.NextCheck is not null => $"{step.LastError}; retries {Stamp(step.NextCheck)}",
        StepState.Failed => $"{step.LastError}",
        StepState.Running => $"started {Stamp(step.StartedAt)}",
        _ => "",
    };

    private static string Stamp(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static string Ago(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{(int)span.TotalDays}d {span.Hours}h",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours}h {span.Minutes}m",
        { TotalMinutes: >= 1 } => $"{(int)span.TotalMinutes}m {span.Seconds}s",
        _ => $"{Math.Max(0, (int)span.TotalSeconds)}s",
    };
}
