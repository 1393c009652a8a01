using System.Collections.Immutable;

namespace RigBootstrap.Core.Config;

/// <summary>The TCC grants the host must have before handoff (granted by an MDM profile).</summary>
public sealed record TccConfig
{
    public required ImmutableArray<TccGrantConfig> Grants { get; init; }
}
