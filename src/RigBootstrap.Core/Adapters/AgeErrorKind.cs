namespace RigBootstrap.Core.Adapters;

/// <summary>The age failures a caller acts on differently.</summary>
public enum AgeErrorKind
{
    /// <summary>`age-keygen -o` refused: the key file exists (it is never overwritten).</summary>
    KeyFileExists,

    /// <summary>The key file does not exist.</summary>
    KeyFileMissing,

    /// <summary>The key file exists but holds no identity age can parse.</summary>
    KeyFileUnreadable,

    /// <summary>`age -d`: the identity is not one of the message's recipients.</summary>
    NoIdentityMatched,

    /// <summary>`age -d`: the input is not an age message (bad armour or header).</summary>
    BadInput,

    /// <summary>Anything else: the tool failed, timed out, or printed something we cannot parse.</summary>
    Failed,
}
