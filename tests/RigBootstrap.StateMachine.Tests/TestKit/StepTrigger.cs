namespace RigBootstrap.StateMachine.Tests.TestKit;

/// <summary>Triggers used by the tests.</summary>
public enum StepTrigger
{
    Start,
    Finish,
    Fail,
    Retry,
    Skip,
    Probe,
}
