namespace RigBootstrap.Core.Workflow;

/// <summary>Whether a step's effect is in place, and if not, why (shown to the operator).</summary>
public sealed record VerifyResult(bool Ok, string? Problem)
{
    public static VerifyResult Passed { get; } = new(true, null);

    public static VerifyResult Failed(string problem) => new(false, problem);
}
