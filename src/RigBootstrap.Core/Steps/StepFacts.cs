namespace RigBootstrap.Core.Steps;

/// <summary>Fact names the engine and `status` know about, beside each step's own.</summary>
public static class StepFacts
{
    /// <summary>A one-line account of how a step was satisfied; `status` shows it on the step's row once it succeeded.</summary>
    public const string Outcome = "outcome";
}
