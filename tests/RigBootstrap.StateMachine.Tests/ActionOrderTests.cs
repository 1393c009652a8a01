using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class ActionOrderTests
{
    private readonly List<string> _actualOrdering = [];
    private StepStatus _storedState = StepStatus.Pending;

    [Fact]
    public void Fire_runs_exit_then_mutator_then_OnTransitioned_then_entry_from_then_entry()
    {
        // Arrange
        var machine = CreateRecordingMachine();
        machine.Configure(StepStatus.Pending)
            .Permit(StepTrigger.Start, StepStatus.Running)
            .OnExit(_ => _actualOrdering.Add("exit Pending"));
        machine.Configure(StepStatus.Running)
            .OnEntry(_ => _actualOrdering.Add("entry Running"))
            .OnEntryFrom(StepTrigger.Start, _ => _actualOrdering.Add("entry Running from Start"));
        machine.OnTransitioned(_ => _actualOrdering.Add("transitioned"));

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        _actualOrdering.Should().Equal(
            "exit Pending",
            "mutator Running",
            "transitioned",
            "entry Running from Start",
            "entry Running");
    }

    [Fact]
    public void Actions_see_the_state_already_changed_only_from_the_mutator_on()
    {
        // Arrange
        var machine = CreateRecordingMachine();
        machine.Configure(StepStatus.Pending)
            .Permit(StepTrigger.Start, StepStatus.Running)
            .OnExit(_ => _actualOrdering.Add($"exit sees {machine.State}"));
        machine.Configure(StepStatus.Running).OnEntry(_ => _actualOrdering.Add($"entry sees {machine.State}"));
        machine.OnTransitioned(_ => _actualOrdering.Add($"transitioned sees {machine.State}"));

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        _actualOrdering.Should().Equal(
            "exit sees Pending", "mutator Running", "transitioned sees Running", "entry sees Running");
    }

    [Fact]
    public void OnEntryFrom_runs_only_when_the_state_is_entered_through_its_trigger()
    {
        // Arrange
        var machine = CreateRecordingMachine();
        machine.Configure(StepStatus.Pending)
            .Permit(StepTrigger.Start, StepStatus.Running)
            .Permit(StepTrigger.Retry, StepStatus.Failed);
        machine.Configure(StepStatus.Failed)
            .Permit(StepTrigger.Retry, StepStatus.Running);
        machine.Configure(StepStatus.Running)
            .OnEntryFrom(StepTrigger.Start, _ => _actualOrdering.Add("first start"))
            .OnEntryFrom(StepTrigger.Retry, transition => _actualOrdering.Add($"retry from {transition.Source}"));

        // Act
        machine.Fire(StepTrigger.Retry);
        machine.Fire(StepTrigger.Retry);

        // Assert
        _actualOrdering.Should().Equal("mutator Failed", "mutator Running", "retry from Failed");
    }

    [Fact]
    public void Several_actions_of_one_kind_run_in_configuration_order_with_the_transition()
    {
        // Arrange
        var machine = CreateRecordingMachine();
        var seen = new List<Transition<StepStatus, StepTrigger>>();
        machine.Configure(StepStatus.Pending)
            .Permit(StepTrigger.Start, StepStatus.Running)
            .OnExit(transition => { seen.Add(transition); _actualOrdering.Add("exit 1"); })
            .OnExit(_ => _actualOrdering.Add("exit 2"));
        machine.Configure(StepStatus.Running)
            .OnEntry(_ => _actualOrdering.Add("entry 1"))
            .OnEntry(transition => { seen.Add(transition); _actualOrdering.Add("entry 2"); });

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        _actualOrdering.Should().Equal("exit 1", "exit 2", "mutator Running", "entry 1", "entry 2");
        var expected = new Transition<StepStatus, StepTrigger>(StepStatus.Pending, StepStatus.Running, StepTrigger.Start);
        seen.Should().Equal(expected, expected);
        seen[0].IsReentry.Should().BeFalse();
    }

    private StateMachine<StepStatus, StepTrigger> CreateRecordingMachine() => new(
        () => _storedState,
        state =>
        {
            _actualOrdering.Add($"mutator {state}");
            _storedState = state;
        });
}
