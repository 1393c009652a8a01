namespace RigBootstrap.Age;

/// <summary>The age failures a caller acts on differently (the classes of the C2SP age test kit, plus key files).</summary>
public enum AgeErrorKind
{
    /// <summary>A key file was to be created but exists (a key is never overwritten).</summary>
    KeyFileExists,

    /// <summary>The key file does not exist.</summary>
    KeyFileMissing,

    /// <summary>The key file exists but holds no identity that can be parsed.</summary>
    KeyFileUnreadable,

    /// <summary>A recipient (`age1…`) is not a valid X25519 recipient.</summary>
    RecipientInvalid,

    /// <summary>The header parsed, but none of its X25519 stanzas opens with the identities given.</summary>
    NoIdentityMatched,

    /// <summary>The ASCII armor is malformed.</summary>
    ArmorInvalid,

    /// <summary>The header is malformed (version line, stanza, base64, share, MAC line, missing nonce).</summary>
    HeaderInvalid,

    /// <summary>A file key was unwrapped but the header MAC does not match: the header was changed.</summary>
    HeaderMacMismatch,

    /// <summary>The STREAM payload does not authenticate to its end (bad tag, truncated, trailing data).</summary>
    PayloadInvalid,
}
