using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Architecture.Tests;

/// <summary>The docs show what the code does: the graphs in docs/workflow.md are regenerated, not hand-kept.</summary>
public sealed class DocsTests
{
    [Fact]
    public void The_graphs_in_workflow_md_are_current()
    {
        var doc = File.ReadAllText(Path.Join(Repository.Root, "docs", "workflow.md"));
        var host = new SimulatedHost(HostPaths.ForRoot("/nonexistent-root"), TimeProvider.System, NullLoggerFactory.Instance);
        var definition = WorkflowFactory.Build(ConfigLoader.Parse(DemoConfig.Text, "demo"), host.Services);

        doc.Should().Contain(WorkflowGraph.Steps(WorkflowDescription.From(definition)), "regenerate with `rig-bootstrap graph`");
        doc.Should().Contain(WorkflowGraph.WorkflowLifecycleMermaid(), "regenerate with `rig-bootstrap graph --lifecycle`");
        doc.Should().Contain(WorkflowGraph.StepLifecycleMermaid(), "regenerate with `rig-bootstrap graph --lifecycle`");
    }

    [Fact]
    public void Every_exit_code_is_documented()
    {
        var doc = File.ReadAllText(Path.Join(Repository.Root, "docs", "exit-codes.md"));
        var codes = typeof(RigBootstrap.Cli.ExitCodes).GetFields().Select(f => (int)f.GetValue(null)!);

        foreach (var code in codes)
        {
            doc.Should().Contain($"| {code} |", $"exit code {code} must be in docs/exit-codes.md");
        }
    }
}
