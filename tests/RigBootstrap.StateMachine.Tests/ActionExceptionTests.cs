using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class ActionExceptionTests
{
    private readonly RecordingStateStore _store = new(StepStatus.Pending);
    private readonly List<string> _ran = [];
    private readonly InvalidOperationException _failure = new("action failed");

    [Fact]
    public void An_exception_from_an_exit_action_propagates_before_the_mutator_runs()
    {
        // Arrange
        var machine = CreateMachine(failIn: "exit");

        // Act
        var fire = () => machine.Fire(StepTrigger.Start);

        // Assert
        fire.Should().Throw<InvalidOperationException>().Which.Should().BeSameAs(_failure);
        machine.State.Should().Be(StepStatus.Pending);
        _store.Writes.Should().BeEmpty();
        _ran.Should().BeEmpty();
    }

    [Fact]
    public void An_exception_from_an_OnTransitioned_handler_leaves_the_state_at_the_destination_without_entry_actions()
    {
        // Arrange
        var machine = CreateMachine(failIn: "transitioned");

        // Act
        var fire = () => machine.Fire(StepTrigger.Start);

        // Assert
        fire.Should().Throw<InvalidOperationException>().Which.Should().BeSameAs(_failure);
        machine.State.Should().Be(StepStatus.Running);
        _ran.Should().Equal("exit");
    }

    [Fact]
    public void An_exception_from_an_entry_action_leaves_the_state_at_the_destination_and_skips_later_entry_actions()
    {
        // Arrange
        var machine = CreateMachine(failIn: "entry");

        // Act
        var fire = () => machine.Fire(StepTrigger.Start);

        // Assert
        fire.Should().Throw<InvalidOperationException>().Which.Should().BeSameAs(_failure);
        machine.State.Should().Be(StepStatus.Running);
        _store.Writes.Should().Equal(StepStatus.Running);
        _ran.Should().Equal("exit", "transitioned");
    }

    [Fact]
    public void The_machine_accepts_the_next_trigger_after_an_action_failed()
    {
        // Arrange
        var machine = CreateMachine(failIn: "entry");
        machine.Configure(StepStatus.Running).Permit(StepTrigger.Fail, StepStatus.Failed);
        var firstFire = () => machine.Fire(StepTrigger.Start);
        firstFire.Should().Throw<InvalidOperationException>();

        // Act
        machine.Fire(StepTrigger.Fail);

        // Assert
        machine.State.Should().Be(StepStatus.Failed);
    }

    [Fact]
    public void An_exception_from_the_mutator_propagates_and_no_handler_or_entry_action_runs()
    {
        // Arrange
        var machine = new StateMachine<StepStatus, StepTrigger>(() => StepStatus.Pending, _ => throw _failure);
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        machine.Configure(StepStatus.Running).OnEntry(_ => _ran.Add("entry"));
        machine.OnTransitioned(_ => _ran.Add("transitioned"));

        // Act
        var fire = () => machine.Fire(StepTrigger.Start);

        // Assert
        fire.Should().Throw<InvalidOperationException>().Which.Should().BeSameAs(_failure);
        _ran.Should().BeEmpty();
    }

    private StateMachine<StepStatus, StepTrigger> CreateMachine(string failIn)
    {
        var machine = _store.CreateMachine();
        machine.Configure(StepStatus.Pending)
            .Permit(StepTrigger.Start, StepStatus.Running)
            .OnExit(_ => Run("exit", failIn));
        machine.Configure(StepStatus.Running)
            .OnEntry(_ => Run("entry", failIn))
            .OnEntry(_ => Run("second entry", failIn));
        machine.OnTransitioned(_ => Run("transitioned", failIn));
        return machine;
    }

    private void Run(string step, string failIn)
    {
        if (step == failIn)
        {
            throw _failure;
        }

        _ran.Add(step);
    }
}
