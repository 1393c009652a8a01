namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>One fault the checker found: its kind, and a message naming the offsets and values involved.</summary>
public sealed record SignatureProblem(SignatureFailure Failure, string Message)
{
    public override string ToString() => $"{Failure}: {Message}";
}
