using System.Globalization;
using System.Text;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Status;

/// <summary>`plan`: what would run, in order, and why, against the current state if there is one. Changes nothing.</summary>
public static class PlanRenderer
{
    public static string Render(WorkflowDescription description, StateFile? state)
    {
        var text = new StringBuilder();
        var rebooting = description.Steps.Where(s => s.MayNeedReboot || s.RebootsItself).Select(s => s.Id).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"{description.Steps.Length} steps, in the order they run:");
        var number = 1;
        foreach (var step in description.Steps)
        {
            var record = state?.Steps.FirstOrDefault(r => r.Id == step.Id);
            var what = record switch
            {
                null => "will run",
                { IsDone: true } => $"done ({record.State})",
                { State: StepState.Pending } => "will run",
                _ => $"{record.State}: {record.WaitingFor ?? record.LastError ?? "in progress"}",
            };
            var after = step.DependsOn.IsDefaultOrEmpty ? "first" : "after " + string.Join(", ", step.DependsOn);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {number++,2}. {step.Id,-24} {what}; {after}; up to {step.MaxAttempts} attempts");
            text.AppendLine(CultureInfo.InvariantCulture, $"      {step.Description}");
        }

        text.AppendLine(rebooting.Count == 0
            ? "Reboots: none expected."
            : $"Reboots: {string.Join(", ", rebooting)} need one; they are coalesced into a single reboot when nothing else can progress.");
        return text.ToString();
    }
}
