using System.Collections.Immutable;

namespace RigBootstrap.Core.Secrets;

/// <summary>The decrypted values of one SOPS file, in document order; held in memory only (docs/invariants.md I6).</summary>
public sealed record SopsPlaintext
{
    public required string FilePath { get; init; }

    public required ImmutableArray<SopsSecret> Values { get; init; }

    public string? Find(string name) => Values.FirstOrDefault(v => v.Name == name)?.Value;

    public override string ToString() => $"{FilePath}: {Values.Length} values";
}
