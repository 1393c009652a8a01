using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class ReentrantFireTests
{
    [Fact]
    public void Firing_from_inside_an_entry_action_throws_because_triggers_are_not_queued()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        machine.Configure(StepStatus.Running)
            .Permit(StepTrigger.Finish, StepStatus.Succeeded)
            .OnEntry(_ => machine.Fire(StepTrigger.Finish));

        // Act
        var fire = () => machine.Fire(StepTrigger.Start);

        // Assert
        fire.Should().Throw<InvalidOperationException>().WithMessage("*Fire('Finish')*not queued*");
        machine.State.Should().Be(StepStatus.Running);
    }

    [Fact]
    public void Firing_from_inside_an_OnTransitioned_handler_throws()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        machine.Configure(StepStatus.Running).Permit(StepTrigger.Finish, StepStatus.Succeeded);
        machine.OnTransitioned(_ => machine.Fire(StepTrigger.Finish));

        // Act
        var fire = () => machine.Fire(StepTrigger.Start);

        // Assert
        fire.Should().Throw<InvalidOperationException>().Which.Should().NotBeOfType<InvalidTransitionException>();
    }

    [Fact]
    public void After_a_rejected_reentrant_fire_the_machine_fires_normally_again()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(StepStatus.Pending);
        var fireFromExit = true;
        machine.Configure(StepStatus.Pending)
            .Permit(StepTrigger.Start, StepStatus.Running)
            .OnExit(_ =>
            {
                if (fireFromExit)
                {
                    machine.Fire(StepTrigger.Skip);
                }
            });
        var rejected = () => machine.Fire(StepTrigger.Start);
        rejected.Should().Throw<InvalidOperationException>();
        fireFromExit = false;

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        machine.State.Should().Be(StepStatus.Running);
    }
}
