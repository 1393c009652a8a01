namespace RigBootstrap.Core.Secrets;

/// <summary>Why a SOPS file could not be opened.</summary>
public enum SopsErrorKind
{
    /// <summary>None of the file's age recipients is this host's key: register the host's recipient, re-encrypt.</summary>
    NotARecipient,

    /// <summary>A value, tag or the MAC does not authenticate: the file was changed after it was encrypted.</summary>
    Tampered,

    /// <summary>The file is not a SOPS document we can read (syntax, missing metadata, unsupported feature).</summary>
    Malformed,
}
