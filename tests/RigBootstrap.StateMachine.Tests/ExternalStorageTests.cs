using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class ExternalStorageTests
{
    private readonly RecordingStateStore _store = new(StepStatus.Pending);

    [Fact]
    public void State_follows_the_backing_value_when_it_changes_behind_the_machine()
    {
        // Arrange
        var machine = _store.CreateMachine();
        var before = machine.State;

        // Act
        _store.Current = StepStatus.Failed;

        // Assert
        before.Should().Be(StepStatus.Pending);
        machine.State.Should().Be(StepStatus.Failed);
    }

    [Fact]
    public void Every_read_of_State_goes_through_the_accessor()
    {
        // Arrange
        var machine = _store.CreateMachine();

        // Act
        _ = machine.State;
        _ = machine.State;
        _ = machine.State;

        // Assert
        _store.ReadCount.Should().Be(3);
    }

    [Fact]
    public void Fire_acts_on_the_state_read_at_fire_time()
    {
        // Arrange
        var machine = _store.CreateMachine();
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        machine.Configure(StepStatus.Failed).Permit(StepTrigger.Retry, StepStatus.Running);
        _store.Current = StepStatus.Failed;

        // Act
        machine.Fire(StepTrigger.Retry);

        // Assert
        machine.State.Should().Be(StepStatus.Running);
    }

    [Fact]
    public void The_mutator_receives_each_destination_exactly_once()
    {
        // Arrange
        var machine = _store.CreateMachine();
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        machine.Configure(StepStatus.Running).Permit(StepTrigger.Finish, StepStatus.Succeeded);

        // Act
        machine.Fire(StepTrigger.Start);
        machine.Fire(StepTrigger.Finish);

        // Assert
        _store.Writes.Should().Equal(StepStatus.Running, StepStatus.Succeeded);
    }

    [Fact]
    public void A_mutator_that_discards_the_write_leaves_State_at_the_accessor_value()
    {
        // Arrange
        var machine = _store.CreateMachine();
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        _store.AppliesWrites = false;

        // Act
        machine.Fire(StepTrigger.Start);

        // Assert
        _store.Writes.Should().Equal(StepStatus.Running);
        machine.State.Should().Be(StepStatus.Pending);
    }

    [Fact]
    public void Unhandled_triggers_never_call_the_mutator()
    {
        // Arrange
        var machine = _store.CreateMachine();
        machine.Configure(StepStatus.Pending).PermitIf(StepTrigger.Start, StepStatus.Running, () => false, "ready");
        machine.OnUnhandledTrigger((_, _, _) => { });

        // Act
        machine.Fire(StepTrigger.Start);
        machine.Fire(StepTrigger.Finish);

        // Assert
        _store.Writes.Should().BeEmpty();
    }

    [Fact]
    public void CanFire_and_PermittedTriggers_read_the_current_state_each_time()
    {
        // Arrange
        var machine = _store.CreateMachine();
        machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        machine.Configure(StepStatus.Failed).Permit(StepTrigger.Retry, StepStatus.Running);

        // Act
        var inPending = (machine.CanFire(StepTrigger.Start), machine.PermittedTriggers);
        _store.Current = StepStatus.Failed;
        var inFailed = (machine.CanFire(StepTrigger.Start), machine.PermittedTriggers);

        // Assert
        inPending.Item1.Should().BeTrue();
        inPending.PermittedTriggers.Should().Equal(StepTrigger.Start);
        inFailed.Item1.Should().BeFalse();
        inFailed.PermittedTriggers.Should().Equal(StepTrigger.Retry);
    }

    [Fact]
    public void An_accessor_returning_null_is_reported_instead_of_used()
    {
        // Arrange
        var machine = new StateMachine<string, string>(() => null!, _ => { });

        // Act
        var read = () => machine.State;

        // Assert
        read.Should().Throw<InvalidOperationException>().WithMessage("*accessor returned null*");
    }
}
