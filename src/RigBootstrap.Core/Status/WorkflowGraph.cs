using System.Text;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Status;

/// <summary>
/// Mermaid for the docs: the step dependency graph of a config, and the workflow and step lifecycles as Stateless
/// exports them (docs/adr/0004-stateless.md).
/// </summary>
public static class WorkflowGraph
{
    public static string Steps(WorkflowDescription description)
    {
        var text = new StringBuilder("flowchart TD\n");
        foreach (var step in description.Steps)
        {
            var note = step.RebootsItself ? " (reboots itself)" : step.MayNeedReboot ? " (needs a reboot)" : "";
            text.Append("    ").Append(NodeId(step.Id)).Append("[\"").Append(step.Id).Append(note).Append("\"]\n");
        }

        foreach (var step in description.Steps)
        {
            foreach (var dependency in step.DependsOn)
            {
                text.Append("    ").Append(NodeId(dependency)).Append(" --> ").Append(NodeId(step.Id)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string WorkflowLifecycleMermaid() => WorkflowLifecycle.Mermaid();

    public static string StepLifecycleMermaid() => StepLifecycle.Mermaid();

    private static string NodeId(string stepId) => "s_" + stepId.Replace('-', '_');
}
