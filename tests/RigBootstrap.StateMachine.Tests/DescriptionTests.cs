using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class DescriptionTests
{
    [Fact]
    public void States_come_in_configuration_order_followed_by_states_that_are_only_destinations()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Running).Permit(StepTrigger.Finish, StepStatus.Succeeded);
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);

        // Act
        var description = machine.Describe();

        // Assert
        description.States.Select(state => state.State).Should().Equal(
            StepStatus.Running, StepStatus.Pending, StepStatus.Succeeded);
        description.States[2].Transitions.Should().BeEmpty();
    }

    [Fact]
    public void A_state_lists_its_transitions_ignored_triggers_and_action_descriptions()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Running);
        machine.Configure(StepStatus.Running)
            .PermitIf(StepTrigger.Finish, StepStatus.Succeeded, () => true, "verify passed")
            .Permit(StepTrigger.Fail, StepStatus.Failed)
            .PermitReentry(StepTrigger.Retry)
            .Ignore(StepTrigger.Probe)
            .OnEntryFrom(StepTrigger.Retry, _ => { }, "count the attempt")
            .OnEntry(_ => { }, "record startedAt")
            .OnEntry(_ => { })
            .OnExit(_ => { }, "record finishedAt");

        // Act
        var running = machine.Describe().States.Single(state => state.State == StepStatus.Running);

        // Assert
        running.Should().BeEquivalentTo(new StateDescription<StepStatus, StepTrigger>(
            StepStatus.Running,
            [
                new(StepTrigger.Finish, StepStatus.Succeeded, "verify passed", IsReentry: false),
                new(StepTrigger.Fail, StepStatus.Failed, null, IsReentry: false),
                new(StepTrigger.Retry, StepStatus.Running, null, IsReentry: true),
            ],
            [StepTrigger.Probe],
            [new(StepTrigger.Retry, "count the attempt")],
            ["record startedAt", "(no description)"],
            ["record finishedAt"]));
    }

    [Fact]
    public void A_machine_with_internal_storage_reports_its_initial_state()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Skipped);
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);

        // Act
        var description = machine.Describe();

        // Assert
        description.HasInitialState.Should().BeTrue();
        description.InitialState.Should().Be(StepStatus.Skipped);
        description.States.Select(state => state.State).Should().Equal(
            StepStatus.Pending, StepStatus.Running, StepStatus.Skipped);
    }

    [Fact]
    public void Describe_reads_no_state_and_evaluates_no_guard()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(
            () => throw new InvalidOperationException("state must not be read"),
            _ => throw new InvalidOperationException("state must not be written"));
        machine.Configure(StepStatus.Pending).PermitIf(
            StepTrigger.Start, StepStatus.Running, () => throw new InvalidOperationException("guard must not run"), "ready");

        // Act
        var description = machine.Describe();

        // Assert
        description.HasInitialState.Should().BeFalse();
        description.States.Should().HaveCount(2);
    }

    [Fact]
    public void A_description_is_a_snapshot_that_later_configuration_does_not_change()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        var pending = machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        var description = machine.Describe();

        // Act
        pending.Permit(StepTrigger.Skip, StepStatus.Skipped);

        // Assert
        description.States.Should().HaveCount(2);
        description.States[0].Transitions.Should().ContainSingle();
    }
}
