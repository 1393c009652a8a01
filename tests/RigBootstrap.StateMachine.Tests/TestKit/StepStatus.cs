namespace RigBootstrap.StateMachine.Tests.TestKit;

/// <summary>States used by the tests, shaped like a bootstrap step's status.</summary>
public enum StepStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Skipped,
}
