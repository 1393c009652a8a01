using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class GuardTests
{
    [Fact]
    public void A_guarded_transition_is_taken_when_its_guard_passes()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending)
            .PermitIf(StepTrigger.Start, StepStatus.Running, () => true, "console user logged in");

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        machine.State.Should().Be(StepStatus.Running);
    }

    [Fact]
    public void A_failing_guard_makes_the_trigger_unhandled_and_the_message_names_the_guard()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending)
            .PermitIf(StepTrigger.Start, StepStatus.Running, () => false, "console user logged in");

        // Act
        var fire = () => machine.Fire(StepTrigger.Start);

        // Assert
        var error = fire.Should().Throw<InvalidTransitionException>().Which;
        error.UnmetGuards.Should().Equal("console user logged in");
        error.Message.Should().Contain("'Start'").And.Contain("'Pending'").And.Contain("'console user logged in'");
        machine.State.Should().Be(StepStatus.Pending);
    }

    [Fact]
    public void Guards_are_evaluated_again_on_every_fire()
    {
        // Arrange
        var loggedIn = false;
        var evaluations = 0;
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending).PermitIf(
            StepTrigger.Start, StepStatus.Running, () => { evaluations++; return loggedIn; }, "console user logged in");
        machine.OnUnhandledTrigger((_, _, _) => { });

        // Act
        machine.Fire(StepTrigger.Start);
        var stateWhileBlocked = machine.State;
        loggedIn = true;
        machine.Fire(StepTrigger.Start);

        // Assert
        stateWhileBlocked.Should().Be(StepStatus.Pending);
        machine.State.Should().Be(StepStatus.Running);
        evaluations.Should().Be(2);
    }

    [Fact]
    public void Of_several_guarded_transitions_for_one_trigger_the_one_whose_guard_passes_is_taken()
    {
        // Arrange
        var verified = false;
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Running);
        machine.Configure(StepStatus.Running)
            .PermitIf(StepTrigger.Finish, StepStatus.Succeeded, () => verified, "verify passed")
            .PermitIf(StepTrigger.Finish, StepStatus.Failed, () => !verified, "verify failed");

        // Act
        machine.Fire(StepTrigger.Finish);

        // Assert
        machine.State.Should().Be(StepStatus.Failed);
    }

    [Fact]
    public void Two_passing_guards_for_one_trigger_throw_multiple_permitted_transitions()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Running);
        machine.Configure(StepStatus.Running)
            .PermitIf(StepTrigger.Finish, StepStatus.Succeeded, () => true, "verify passed")
            .PermitIf(StepTrigger.Finish, StepStatus.Failed, () => true, "attempts exhausted");
        machine.OnUnhandledTrigger((_, _, _) => { });

        // Act
        var fire = () => machine.Fire(StepTrigger.Finish);

        // Assert
        var error = fire.Should().Throw<InvalidOperationException>()
            .WithMessage("*multiple permitted transitions*'verify passed'*'attempts exhausted'*").Which;
        error.Should().NotBeOfType<InvalidTransitionException>();
        machine.State.Should().Be(StepStatus.Running);
    }

    [Fact]
    public void The_custom_unhandled_handler_receives_every_unmet_guard_description()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending)
            .PermitIf(StepTrigger.Start, StepStatus.Running, () => false, "console user logged in")
            .PermitIf(StepTrigger.Start, StepStatus.Skipped, () => false, "step disabled in config");
        var received = new List<string>();
        machine.OnUnhandledTrigger((_, _, unmetGuards) => received.AddRange(unmetGuards));

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        received.Should().Equal("console user logged in", "step disabled in config");
    }

    [Fact]
    public void CanFire_follows_the_guard()
    {
        // Arrange
        var online = false;
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending)
            .PermitIf(StepTrigger.Start, StepStatus.Running, () => online, "network reachable");

        // Act
        var whileOffline = machine.CanFire(StepTrigger.Start);
        online = true;
        var whileOnline = machine.CanFire(StepTrigger.Start);

        // Assert
        whileOffline.Should().BeFalse();
        whileOnline.Should().BeTrue();
    }

    [Fact]
    public void CanFire_is_false_when_two_guards_pass_because_Fire_would_throw()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Running);
        machine.Configure(StepStatus.Running)
            .PermitIf(StepTrigger.Finish, StepStatus.Succeeded, () => true, "a")
            .PermitIf(StepTrigger.Finish, StepStatus.Failed, () => true, "b");

        // Act
        var canFire = machine.CanFire(StepTrigger.Finish);

        // Assert
        canFire.Should().BeFalse();
    }

    [Fact]
    public void PermittedTriggers_lists_unblocked_triggers_in_configuration_order_without_ignored_ones()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Running);
        machine.Configure(StepStatus.Running)
            .PermitIf(StepTrigger.Finish, StepStatus.Succeeded, () => false, "verify passed")
            .Permit(StepTrigger.Fail, StepStatus.Failed)
            .Ignore(StepTrigger.Probe)
            .PermitReentry(StepTrigger.Retry)
            .PermitIf(StepTrigger.Skip, StepStatus.Skipped, () => false, "never")
            .PermitIf(StepTrigger.Skip, StepStatus.Pending, () => true, "always");

        // Act
        var permitted = machine.PermittedTriggers;

        // Assert
        permitted.Should().Equal(StepTrigger.Fail, StepTrigger.Retry, StepTrigger.Skip);
        machine.CanFire(StepTrigger.Probe).Should().BeFalse();
    }

    [Fact]
    public void An_exception_from_a_guard_propagates_and_leaves_the_state_unchanged()
    {
        // Arrange
        var store = new RecordingStateStore(StepStatus.Pending);
        var machine = store.CreateMachine();
        var failure = new InvalidOperationException("probe failed");
        machine.Configure(StepStatus.Pending)
            .PermitIf(StepTrigger.Start, StepStatus.Running, () => throw failure, "probe");

        // Act
        var fire = () => machine.Fire(StepTrigger.Start);

        // Assert
        fire.Should().Throw<InvalidOperationException>().Which.Should().BeSameAs(failure);
        store.Writes.Should().BeEmpty();
    }
}
