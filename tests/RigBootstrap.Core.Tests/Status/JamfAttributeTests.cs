using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;

namespace RigBootstrap.Core.Tests.Status;

public sealed class JamfAttributeTests
{
    private static StateFile State(WorkflowState workflow, string reason) => new()
    {
        Version = "test",
        Label = "com.rig.bootstrap",
        WorkflowVersion = "v1",
        Workflow = new WorkflowStatus { State = workflow, Since = DateTimeOffset.UnixEpoch, Reason = reason },
        BootId = "boot-1",
        Steps = [],
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void The_attribute_is_the_state_and_the_reason_in_one_result_element()
    {
        var text = JamfAttribute.Render(State(WorkflowState.Waiting, "secrets: recipient not registered: age1qqqq"));

        text.Should().Be("<result>Waiting: secrets: recipient not registered: age1qqqq</result>");
    }

    [Fact]
    public void Markup_in_a_reason_is_escaped_so_it_cannot_end_the_element_early()
    {
        var text = JamfAttribute.Render(State(WorkflowState.Halted, "step x failed: <stdin> said </result> & \"quit\""));

        text.Should().Be("<result>Halted: step x failed: &lt;stdin&gt; said &lt;/result&gt; &amp; \"quit\"</result>");
    }

    [Fact]
    public void A_reason_quoting_several_lines_of_output_stays_on_one_line()
    {
        var text = JamfAttribute.Render(State(WorkflowState.Halted, "exited 1:\nline one\r\nline two"));

        text.Should().NotContainAny("\n", "\r").And.Be("<result>Halted: exited 1: line one  line two</result>");
    }

    [Fact]
    public void A_host_without_state_reports_NotInstalled_for_smart_groups()
    {
        var text = JamfAttribute.Result(JamfAttribute.NotInstalledState, "no state at /var/db/rig-bootstrap/state.json");

        text.Should().Be("<result>NotInstalled: no state at /var/db/rig-bootstrap/state.json</result>");
    }
}
