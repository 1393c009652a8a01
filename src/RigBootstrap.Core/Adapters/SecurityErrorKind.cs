namespace RigBootstrap.Core.Adapters;

/// <summary>
/// What a failed <c>security</c> call means. Its exit status is the low 8 bits of the OSStatus, so -25300
/// (errSecItemNotFound) exits 44.
/// </summary>
public enum SecurityErrorKind
{
    /// <summary>Any other exit code.</summary>
    Other,

    /// <summary>44, errSecItemNotFound (-25300): no such item.</summary>
    ItemNotFound,

    /// <summary>45, errSecDuplicateItem (-25299): <c>add-generic-password</c> without <c>-U</c> on an item that exists.</summary>
    DuplicateItem,

    /// <summary>51, errSecAuthFailed (-25293): wrong keychain password.</summary>
    AuthFailed,

    /// <summary>36, errSecInteractionNotAllowed (-25308): a locked keychain and no UI, as under ssh or launchd.</summary>
    InteractionNotAllowed,

    /// <summary>50, errSecNoSuchKeychain (-25294): the keychain file does not exist (a login keychain before its user's first login).</summary>
    NoSuchKeychain,

    /// <summary>2 with <c>Usage: …</c>: the command line itself is wrong.</summary>
    UsageError,
}
