namespace RigBootstrap.Core.Workflow;

/// <summary>What moves a step from one state to the next.</summary>
public enum StepTrigger
{
    Start,
    FoundSatisfied,
    Verified,
    Wait,
    ParkForReboot,
    Fail,
    Reset,
}
