using RigBootstrap.Core.Config;
using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class DoctorTargetTests
{
    private static BootstrapConfig Config(string steps) => ConfigLoader.Parse(
        $$"""{ "label": "com.example.boot", "agent": { "user": "rig", "home": "/Users/rig" }, "steps": { {{steps}} } }""", "config.json");

    private static StateFile State(string? agentLabel) => new()
    {
        Version = "test",
        Label = "com.from.state",
        WorkflowVersion = "v1",
        Workflow = new WorkflowStatus { State = WorkflowState.Running, Since = DateTimeOffset.UnixEpoch, Reason = "r" },
        BootId = "b",
        Steps = [],
        Handoff = agentLabel is null ? null : new HandoffRecord { AgentLabel = agentLabel },
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void A_config_names_both_labels()
    {
        var target = DoctorTarget.From(Config("""
            "handoff": { "agentLabel": "ai.invotek.rig-deploy" }
            """), State("ignored.agent"));

        target.Labels.Should().Equal("com.example.boot", "ai.invotek.rig-deploy");
    }

    [Fact]
    public void Without_a_config_the_state_names_them()
    {
        DoctorTarget.From(null, State("ai.invotek.rig-deploy")).Labels.Should().Equal("com.from.state", "ai.invotek.rig-deploy");
    }

    [Fact]
    public void With_neither_it_is_our_default_label_alone()
    {
        DoctorTarget.From(null, null).Labels.Should().Equal(DoctorTarget.DefaultLabel);
    }
}
