namespace RigBootstrap.Core.Adapters;

/// <summary>Automatic login at boot (docs/design.md §4 `autologin`): the loginwindow setting, its password file, FileVault, the console user.</summary>
/// <remarks>Failures the caller cannot act on throw <see cref="LoginWindowException"/>; a password never appears in argv or a message (docs/invariants.md I6).</remarks>
public interface ILoginWindow
{
    /// <summary>loginwindow's `autoLoginUser`, or null when it is not set.</summary>
    Task<string?> GetAutoLoginUserAsync(CancellationToken cancellationToken);

    /// <summary>The password `/etc/kcpassword` decodes to, or null when the file is missing or does not decode. A secret.</summary>
    Task<string?> ReadAutoLoginPasswordAsync(CancellationToken cancellationToken);

    /// <summary>True when FileVault is on, or turns on at the next restart: either way loginwindow ignores autologin.</summary>
    Task<bool> IsFileVaultOnAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when an installed profile forbids autologin: `com.apple.login.mcx.DisableAutoLoginClient` is true in the
    /// managed loginwindow preferences (the key mSCP's system_settings_automatic_login_disable rule sets).
    /// </summary>
    Task<bool> IsAutoLoginForbiddenByProfileAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when the account signs in with its Apple Account password: its `AuthenticationAuthority` holds an
    /// `;AppleID;…` entry, which loginwindow cannot use for an autologin from /etc/kcpassword.
    /// </summary>
    Task<bool> UsesAppleAccountPasswordAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Sets autologin for <paramref name="userName"/>; it takes effect at the next boot.</summary>
    Task EnableAutoLoginAsync(string userName, string password, CancellationToken cancellationToken);

    /// <summary>Who owns the console: the user logged in at the GUI, or `root` while the login window shows.</summary>
    Task<string> GetConsoleUserAsync(CancellationToken cancellationToken);
}
