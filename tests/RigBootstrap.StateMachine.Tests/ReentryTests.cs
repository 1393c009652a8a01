using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class ReentryTests
{
    [Fact]
    public void Reentry_runs_exit_and_entry_actions_and_reports_IsReentry()
    {
        // Arrange
        var store = new RecordingStateStore(StepStatus.Running);
        var machine = store.CreateMachine();
        var ran = new List<string>();
        machine.Configure(StepStatus.Running)
            .PermitReentry(StepTrigger.Retry)
            .OnExit(transition => ran.Add($"exit reentry={transition.IsReentry}"))
            .OnEntry(transition => ran.Add($"entry reentry={transition.IsReentry}"));
        machine.OnTransitioned(transition => ran.Add($"{transition.Source}->{transition.Destination}"));

        // Act
        machine.Fire(StepTrigger.Retry);

        // Assert
        ran.Should().Equal("exit reentry=True", "Running->Running", "entry reentry=True");
        store.Writes.Should().Equal(StepStatus.Running);
        machine.State.Should().Be(StepStatus.Running);
    }

    [Fact]
    public void Reentry_runs_the_OnEntryFrom_action_of_its_trigger()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Running);
        var attempts = 1;
        machine.Configure(StepStatus.Running)
            .PermitReentry(StepTrigger.Retry)
            .OnEntryFrom(StepTrigger.Retry, _ => attempts++);

        // Act
        machine.Fire(StepTrigger.Retry);
        machine.Fire(StepTrigger.Retry);

        // Assert
        attempts.Should().Be(3);
    }

    [Fact]
    public void A_transition_between_different_states_is_not_a_reentry()
    {
        // Arrange
        var transition = new Transition<StepStatus, StepTrigger>(StepStatus.Pending, StepStatus.Running, StepTrigger.Start);

        // Act
        var isReentry = transition.IsReentry;

        // Assert
        isReentry.Should().BeFalse();
    }
}
