using System.Globalization;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status.Watch;

/// <summary>
/// One plain line per change, for logs and pipes (no ANSI codes): the time it was seen, then the workflow's state,
/// the steps done, why, and what happens next. The key leaves the time out, so only a change of what the line says
/// prints a new one.
/// </summary>
public sealed class LineWatchFormat : IWatchFormat
{
    public WatchFrame Frame(StateFile state, DateTimeOffset now)
    {
        var workflow = state.Workflow;
        var done = state.Steps.Count(s => s.IsDone);
        var next = workflow.Next is null ? "" : $"; next: {workflow.Next}";
        var body = string.Create(CultureInfo.InvariantCulture, $"{state.Label}: {workflow.State}, {done}/{state.Steps.Length} steps done: {Flat(workflow.Reason)}{Flat(next)}");
        return new WatchFrame(body, $"{DurationText.Stamp(now)} {body}\n");
    }

    public WatchFrame Absent(string statePath, DateTimeOffset now)
    {
        var body = WatchText.Absent(statePath);
        return new WatchFrame(body, $"{DurationText.Stamp(now)} {body}\n", IsNotice: true);
    }

    // A reason may quote a tool's multi-line output; one change must stay one line.
    private static string Flat(string text) => text.ReplaceLineEndings(" ");
}
