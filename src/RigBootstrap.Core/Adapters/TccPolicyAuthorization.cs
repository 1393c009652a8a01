namespace RigBootstrap.Core.Adapters;

/// <summary>
/// What an MDM PPPC entry says: <c>Allowed</c> true/false (macOS 10.14) or, from macOS 11, <c>Authorization</c>
/// (Apple's com.apple.TCC.configuration-profile-policy schema).
/// </summary>
public enum TccPolicyAuthorization
{
    Allow,
    Deny,

    /// <summary>Only lets a standard user switch the service on (ListenEvent, ScreenCapture): not a grant.</summary>
    AllowStandardUserToSetSystemService,
}
