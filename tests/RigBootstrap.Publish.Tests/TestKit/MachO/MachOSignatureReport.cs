using System.Collections.Immutable;

namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>What the checker found: every problem, and the facts of the signature it could read.</summary>
public sealed record MachOSignatureReport
{
    public required ImmutableArray<SignatureProblem> Problems { get; init; }

    /// <summary>The primary code directory (slot 0), when the checker got that far.</summary>
    public CodeDirectory? CodeDirectory { get; init; }

    /// <summary>Where the embedded signature starts (LC_CODE_SIGNATURE dataoff), or -1 when there is none.</summary>
    public long SignatureOffset { get; init; } = -1;

    public bool IsValid => Problems.IsEmpty;

    public ImmutableArray<SignatureFailure> Failures => [.. Problems.Select(p => p.Failure)];

    /// <summary>Every problem on its own line, for assertion messages.</summary>
    public string Describe() => Problems.IsEmpty ? "no problem" : string.Join(Environment.NewLine, Problems);
}
