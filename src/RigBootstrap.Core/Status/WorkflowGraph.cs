using System.Text;
using RigBootstrap.Core.Workflow;
using RigBootstrap.StateMachine;

namespace RigBootstrap.Core.Status;

/// <summary>Mermaid for the docs: the step dependency graph of a config, and the workflow and step lifecycles.</summary>
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

    public static string WorkflowLifecycleMermaid() => MermaidGraph.Format(WorkflowLifecycle.Describe());

    public static string StepLifecycleMermaid() => MermaidGraph.Format(StepLifecycle.Describe());

    private static string NodeId(string stepId) => "s_" + stepId.Replace('-', '_');
}
