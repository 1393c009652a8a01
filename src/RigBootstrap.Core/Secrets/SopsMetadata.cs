using System.Collections.Immutable;

namespace RigBootstrap.Core.Secrets;

/// <summary>The `sops` section of a document: who can open it, how it is authenticated, which values are encrypted.</summary>
public sealed record SopsMetadata
{
    public required ImmutableArray<SopsAgeRecipient> AgeRecipients { get; init; }

    /// <summary>Recipients of other kinds (PGP, KMS, …) that this reader cannot use; counted for messages.</summary>
    public int OtherRecipientCount { get; init; }

    /// <summary>RFC 3339 as SOPS formats it (the MAC's additional data).</summary>
    public required string LastModified { get; init; }

    /// <summary>The encrypted MAC, an `ENC[…]` string.</summary>
    public required string Mac { get; init; }

    public bool MacOnlyEncrypted { get; init; }

    public string? Version { get; init; }

    public required SopsEncryptionRules Rules { get; init; }
}
