using System.Collections.Immutable;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>A config that `install` must refuse with exit 78, and what its message must name: the field and the fix.</summary>
public sealed record BadConfig
{
    public required string Name { get; init; }

    public required byte[] Bytes { get; init; }

    /// <summary>Texts stderr must contain: where the problem is (field or file position) and how to fix it.</summary>
    public required ImmutableArray<string> MessageMentions { get; init; }

    public override string ToString() => Name;
}
