using RigBootstrap.StateMachine.Tests.TestKit;

namespace RigBootstrap.StateMachine.Tests;

public sealed class StateConfigurationTests
{
    private readonly StateMachine<StepStatus, StepTrigger> _machine = new(StepStatus.Pending);

    [Fact]
    public void Two_unguarded_permits_for_one_trigger_throw_naming_state_and_trigger()
    {
        // Arrange
        var pending = _machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);

        // Act
        var permitAgain = () => pending.Permit(StepTrigger.Start, StepStatus.Skipped);

        // Assert
        permitAgain.Should().Throw<ArgumentException>().WithMessage("*'Pending'*'Start'*");
    }

    [Fact]
    public void Permit_and_Ignore_for_the_same_trigger_throw_in_either_order()
    {
        // Arrange
        var pending = _machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        var running = _machine.Configure(StepStatus.Running).Ignore(StepTrigger.Probe);

        // Act
        var ignoreAfterPermit = () => pending.Ignore(StepTrigger.Start);
        var permitAfterIgnore = () => running.Permit(StepTrigger.Probe, StepStatus.Failed);

        // Assert
        ignoreAfterPermit.Should().Throw<ArgumentException>().WithMessage("*'Pending'*Permit*'Start'*Ignore*");
        permitAfterIgnore.Should().Throw<ArgumentException>().WithMessage("*'Running'*Ignore*'Probe'*Permit*");
    }

    [Fact]
    public void An_unguarded_permit_cannot_be_mixed_with_a_guarded_one_for_the_same_trigger()
    {
        // Arrange
        var pending = _machine.Configure(StepStatus.Pending).Permit(StepTrigger.Start, StepStatus.Running);
        var running = _machine.Configure(StepStatus.Running)
            .PermitIf(StepTrigger.Finish, StepStatus.Succeeded, () => true, "verified");

        // Act
        var guardedAfterUnguarded = () => pending.PermitIf(StepTrigger.Start, StepStatus.Skipped, () => true, "disabled");
        var unguardedAfterGuarded = () => running.Permit(StepTrigger.Finish, StepStatus.Failed);

        // Assert
        guardedAfterUnguarded.Should().Throw<ArgumentException>();
        unguardedAfterGuarded.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void PermitReentry_counts_as_an_unguarded_rule_for_its_trigger()
    {
        // Arrange
        var running = _machine.Configure(StepStatus.Running).PermitReentry(StepTrigger.Retry);

        // Act
        var permitToo = () => running.Permit(StepTrigger.Retry, StepStatus.Pending);
        var reentryTwice = () => running.PermitReentry(StepTrigger.Retry);

        // Assert
        permitToo.Should().Throw<ArgumentException>().WithMessage("*PermitReentry*");
        reentryTwice.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Several_PermitIf_rules_for_one_trigger_are_allowed()
    {
        // Arrange
        var running = _machine.Configure(StepStatus.Running);

        // Act
        var configure = () => running
            .PermitIf(StepTrigger.Finish, StepStatus.Succeeded, () => true, "verified")
            .PermitIf(StepTrigger.Finish, StepStatus.Failed, () => false, "not verified")
            .PermitIf(StepTrigger.Finish, StepStatus.Pending, () => false, "needs another pass");

        // Assert
        configure.Should().NotThrow();
    }

    [Fact]
    public void Permit_to_the_state_itself_throws_and_points_to_PermitReentry_or_Ignore()
    {
        // Arrange
        var running = _machine.Configure(StepStatus.Running);

        // Act
        var permitSelf = () => running.Permit(StepTrigger.Retry, StepStatus.Running);
        var permitIfSelf = () => running.PermitIf(StepTrigger.Retry, StepStatus.Running, () => true, "again");

        // Assert
        permitSelf.Should().Throw<ArgumentException>().WithMessage("*PermitReentry*Ignore*");
        permitIfSelf.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void PermitIf_requires_a_guard_and_a_guard_description()
    {
        // Arrange
        var pending = _machine.Configure(StepStatus.Pending);

        // Act
        var withoutGuard = () => pending.PermitIf(StepTrigger.Start, StepStatus.Running, null!, "ready");
        var withBlankDescription = () => pending.PermitIf(StepTrigger.Start, StepStatus.Running, () => true, " ");

        // Assert
        withoutGuard.Should().Throw<ArgumentNullException>();
        withBlankDescription.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Every_configuration_method_returns_the_same_configuration_for_chaining()
    {
        // Arrange
        var pending = _machine.Configure(StepStatus.Pending);

        // Act
        var returned = new[]
        {
            pending.Permit(StepTrigger.Start, StepStatus.Running),
            pending.PermitIf(StepTrigger.Skip, StepStatus.Skipped, () => true, "disabled"),
            pending.PermitReentry(StepTrigger.Retry),
            pending.Ignore(StepTrigger.Probe),
            pending.OnEntry(_ => { }),
            pending.OnEntryFrom(StepTrigger.Retry, _ => { }),
            pending.OnExit(_ => { }),
        };

        // Assert
        returned.Should().AllSatisfy(configuration => configuration.Should().BeSameAs(pending));
    }

    [Fact]
    public void Null_actions_are_rejected()
    {
        // Arrange
        var pending = _machine.Configure(StepStatus.Pending);

        // Act
        var entry = () => pending.OnEntry(null!);
        var entryFrom = () => pending.OnEntryFrom(StepTrigger.Start, null!);
        var exit = () => pending.OnExit(null!);

        // Assert
        entry.Should().Throw<ArgumentNullException>();
        entryFrom.Should().Throw<ArgumentNullException>();
        exit.Should().Throw<ArgumentNullException>();
    }
}
