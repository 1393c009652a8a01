using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class StateMachineTests
{
    [Fact]
    public void A_machine_with_internal_storage_starts_in_its_initial_state()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);

        // Act
        var state = machine.State;

        // Assert
        state.Should().Be(StepStatus.Pending);
    }

    [Fact]
    public void Firing_a_permitted_trigger_moves_the_machine_to_the_destination()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        machine.State.Should().Be(StepStatus.Running);
    }

    [Fact]
    public void Configure_returns_the_same_configuration_for_the_same_state()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);

        // Act
        var first = machine.Configure(StepStatus.Pending);
        var second = machine.Configure(StepStatus.Pending);

        // Assert
        second.Should().BeSameAs(first);
        machine.Configure(StepStatus.Running).Should().NotBeSameAs(first);
    }

    [Fact]
    public void Rules_added_through_a_second_Configure_call_apply_to_the_same_state()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Skip, StepStatus.Skipped);

        // Act
        machine.Fire(StepTrigger.Skip);

        // Assert
        machine.State.Should().Be(StepStatus.Skipped);
    }

    [Fact]
    public void An_unhandled_trigger_throws_an_InvalidTransitionException_in_the_words_of_Stateless()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Succeeded);
        machine.Configure(StepStatus.Succeeded).Permit(StepTrigger.Retry, StepStatus.Running);

        // Act
        var fire = () => machine.Fire(StepTrigger.Start);

        // Assert
        var error = fire.Should().Throw<InvalidTransitionException>().Which;
        error.Message.Should().Be(
            "No valid leaving transitions are permitted from state 'Succeeded' for trigger 'Start'. Consider ignoring the trigger.");
        error.State.Should().Be(StepStatus.Succeeded);
        error.StateName.Should().Be("Succeeded");
        error.Trigger.Should().Be(StepTrigger.Start);
        error.TriggerName.Should().Be("Start");
        error.UnmetGuards.Should().BeEmpty();
        machine.State.Should().Be(StepStatus.Succeeded);
    }

    [Fact]
    public void A_state_that_was_never_configured_rejects_every_trigger()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Failed);

        // Act
        var fire = () => machine.Fire(StepTrigger.Retry);

        // Assert
        fire.Should().Throw<InvalidTransitionException>().Which.StateName.Should().Be("Failed");
        machine.CanFire(StepTrigger.Retry).Should().BeFalse();
        machine.PermittedTriggers.Should().BeEmpty();
    }

    [Fact]
    public void A_custom_unhandled_trigger_handler_replaces_the_throw_and_leaves_the_state_alone()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Succeeded);
        var reported = new List<(StepStatus State, StepTrigger Trigger)>();
        machine.OnUnhandledTrigger((state, trigger, _) => reported.Add((state, trigger)));

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        reported.Should().Equal((StepStatus.Succeeded, StepTrigger.Start));
        machine.State.Should().Be(StepStatus.Succeeded);
    }

    [Fact]
    public void A_second_unhandled_trigger_handler_replaces_the_first()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Succeeded);
        var calls = new List<string>();
        machine.OnUnhandledTrigger((_, _, _) => calls.Add("first"));
        machine.OnUnhandledTrigger((_, _, _) => calls.Add("second"));

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        calls.Should().Equal("second");
    }

    [Fact]
    public void An_ignored_trigger_changes_nothing_runs_nothing_and_reports_nothing()
    {
        // Arrange
        var store = new RecordingStateStore(StepStatus.Running);
        var machine = store.CreateMachine();
        var calls = new List<string>();
        machine.Configure(StepStatus.Running)
            .Ignore(StepTrigger.Probe)
            .OnExit(_ => calls.Add("exit"))
            .OnEntry(_ => calls.Add("entry"));
        machine.OnTransitioned(_ => calls.Add("transitioned"));
        machine.OnUnhandledTrigger((_, _, _) => calls.Add("unhandled"));

        // Act
        machine.Fire(StepTrigger.Probe);

        // Assert
        calls.Should().BeEmpty();
        store.Writes.Should().BeEmpty();
        machine.State.Should().Be(StepStatus.Running);
    }

    [Fact]
    public void Handlers_registered_with_OnTransitioned_are_all_called_in_registration_order()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        var calls = new List<string>();
        machine.OnTransitioned(transition => calls.Add($"first {transition.Source}->{transition.Destination}"));
        machine.OnTransitioned(transition => calls.Add($"second {transition.Trigger}"));

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        calls.Should().Equal("first Pending->Running", "second Start");
    }

    [Fact]
    public void Null_constructor_arguments_are_rejected()
    {
        // Arrange
        Func<StepStatus> accessor = () => StepStatus.Pending;

        // Act
        var withoutAccessor = () => new StateMachine<StepStatus, StepTrigger>(null!, _ => { });
        var withoutMutator = () => new StateMachine<StepStatus, StepTrigger>(accessor, null!);
        var withoutInitialState = () => new StateMachine<string, string>((string)null!);

        // Assert
        withoutAccessor.Should().Throw<ArgumentNullException>();
        withoutMutator.Should().Throw<ArgumentNullException>();
        withoutInitialState.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void States_and_triggers_can_be_strings()
    {
        // Arrange
        var machine = new StateMachine<string, string>("idle");
        machine.Configure("idle").Permit("go", "busy");

        // Act
        machine.Fire("go");

        // Assert
        machine.State.Should().Be("busy");
    }
}
