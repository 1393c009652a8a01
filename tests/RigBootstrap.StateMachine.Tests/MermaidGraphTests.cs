using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class MermaidGraphTests
{
    [Fact]
    public void A_small_machine_renders_exactly_as_the_golden_text()
    {
        // Arrange
        var machine = CreateStepMachine();

        // Act
        var mermaid = MermaidGraph.Format(machine.Describe());

        // Assert
        mermaid.Should().Be(
            "stateDiagram-v2\n" +
            "    [*] --> Pending\n" +
            "    Pending --> Running : Start\n" +
            "    Pending --> Skipped : Skip [step disabled in config]\n" +
            "    Running --> Succeeded : Finish [verify passed]\n" +
            "    Running --> Failed : Fail\n" +
            "    Running --> Running : Retry\n" +
            "    Failed --> Running : Retry\n");
    }

    [Fact]
    public void The_same_configuration_always_renders_the_same_text()
    {
        // Arrange
        var first = CreateStepMachine();
        var second = CreateStepMachine();

        // Act
        var renderedTwice = (MermaidGraph.Format(first.Describe()), MermaidGraph.Format(first.Describe()));
        var fromSecondMachine = MermaidGraph.Format(second.Describe());

        // Assert
        renderedTwice.Item1.Should().Be(renderedTwice.Item2).And.Be(fromSecondMachine);
    }

    [Fact]
    public void Characters_Mermaid_cannot_take_in_a_label_are_escaped()
    {
        // Arrange
        var machine = new StateMachine<string, string>(() => "Idle", _ => { });
        machine.Configure("Idle").PermitIf(
            "wait: 5s; then \"retry\"\nnow", "Busy", () => true, "#1 <ready>\r\nagain");

        // Act
        var mermaid = MermaidGraph.Format(machine.Describe());

        // Assert
        mermaid.Should().Be(
            "stateDiagram-v2\n" +
            "    Idle --> Busy : wait#58; 5s#59; then #quot;retry#quot;<br/>now [#35;1 #lt;ready#gt;<br/>again]\n");
    }

    [Fact]
    public void State_names_that_are_not_plain_identifiers_get_a_quoted_alias()
    {
        // Arrange
        var machine = new StateMachine<string, string>("Waiting for user");
        machine.Configure("Waiting for user").Permit("go", "S1");
        machine.Configure("S1").Permit("stop", "End");

        // Act
        var mermaid = MermaidGraph.Format(machine.Describe());

        // Assert
        mermaid.Should().Be(
            "stateDiagram-v2\n" +
            "    state \"Waiting for user\" as S2\n" +
            "    state \"End\" as S3\n" +
            "    [*] --> S2\n" +
            "    S2 --> S1 : go\n" +
            "    S1 --> S3 : stop\n");
    }

    [Fact]
    public void A_state_without_any_transition_still_appears_and_external_storage_has_no_start_arrow()
    {
        // Arrange
        var store = new RecordingStateStore(StepStatus.Pending);
        var machine = store.CreateMachine();
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        machine.Configure(StepStatus.Failed).Ignore(StepTrigger.Probe);

        // Act
        var mermaid = MermaidGraph.Format(machine.Describe());

        // Assert
        mermaid.Should().Be(
            "stateDiagram-v2\n" +
            "    Pending --> Running : Start\n" +
            "    Failed\n");
        store.ReadCount.Should().Be(0);
    }

    private static StateMachine<StepStatus, StepTrigger> CreateStepMachine()
    {
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending)
            .Permit(StepTrigger.Start, StepStatus.Running)
            .PermitIf(StepTrigger.Skip, StepStatus.Skipped, () => false, "step disabled in config")
            .Ignore(StepTrigger.Probe);
        machine.Configure(StepStatus.Running)
            .PermitIf(StepTrigger.Finish, StepStatus.Succeeded, () => false, "verify passed")
            .Permit(StepTrigger.Fail, StepStatus.Failed)
            .PermitReentry(StepTrigger.Retry)
            .OnEntry(_ => { }, "record startedAt");
        machine.Configure(StepStatus.Failed).Permit(StepTrigger.Retry, StepStatus.Running);
        return machine;
    }
}
