using System.Collections.Immutable;

namespace RigBootstrap.Core.Secrets;

/// <summary>A parsed, still encrypted SOPS file: its scalars in document order and its metadata.</summary>
public sealed record SopsDocument
{
    /// <summary>The file the document came from, for messages.</summary>
    public required string FilePath { get; init; }

    public required SopsFormat Format { get; init; }

    public required ImmutableArray<SopsLeaf> Leaves { get; init; }

    public required SopsMetadata Metadata { get; init; }
}
