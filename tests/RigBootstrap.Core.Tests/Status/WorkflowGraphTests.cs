using RigBootstrap.Core.Status;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Status;

public sealed class WorkflowGraphTests
{
    private static readonly WorkflowDescription Workflow = new(
    [
        new StepDescription("age-key", "key", [], MayNeedReboot: false, RebootsItself: false, MaxAttempts: 3),
        new StepDescription("secrets", "secrets", ["age-key"], MayNeedReboot: false, RebootsItself: false, MaxAttempts: 3),
        new StepDescription("autologin", "autologin", ["secrets"], MayNeedReboot: true, RebootsItself: false, MaxAttempts: 3),
        new StepDescription("os-upgrade", "upgrade", [], MayNeedReboot: false, RebootsItself: true, MaxAttempts: 3),
        new StepDescription("handoff", "handoff", ["secrets", "autologin", "os-upgrade"], MayNeedReboot: false, RebootsItself: false, MaxAttempts: 3),
    ]);

    [Fact]
    public void The_step_graph_has_one_node_per_step_and_one_edge_per_dependency()
    {
        var mermaid = WorkflowGraph.Steps(Workflow);

        var lines = mermaid.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        lines[0].Should().Be("flowchart TD");
        lines.Where(l => l.Contains("[\"")).Should().HaveCount(5);
        lines.Where(l => l.Contains(" --> ")).Should().Equal(
            "s_age_key --> s_secrets",
            "s_secrets --> s_autologin",
            "s_secrets --> s_handoff",
            "s_autologin --> s_handoff",
            "s_os_upgrade --> s_handoff");
    }

    [Fact]
    public void Nodes_say_which_steps_need_a_reboot_and_which_reboot_by_themselves()
    {
        var mermaid = WorkflowGraph.Steps(Workflow);

        mermaid.Should().Contain("s_autologin[\"autologin (needs a reboot)\"]")
            .And.Contain("s_os_upgrade[\"os-upgrade (reboots itself)\"]")
            .And.Contain("s_age_key[\"age-key\"]");
    }

    [Fact]
    public void The_lifecycle_graphs_name_every_workflow_and_step_state()
    {
        var workflow = WorkflowGraph.WorkflowLifecycleMermaid();
        var step = WorkflowGraph.StepLifecycleMermaid();

        workflow.Should().ContainAll(Enum.GetNames<Core.State.WorkflowState>());
        step.Should().ContainAll(Enum.GetNames<Core.State.StepState>());
    }
}
