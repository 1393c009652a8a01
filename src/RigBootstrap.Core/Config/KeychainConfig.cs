using System.Collections.Immutable;

namespace RigBootstrap.Core.Config;

/// <summary>Generic passwords to import into the keychain; never empty.</summary>
public sealed record KeychainConfig
{
    public required ImmutableArray<KeychainItemConfig> Items { get; init; }
}
