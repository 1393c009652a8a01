using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Install;

/// <summary>
/// Refuses at `install`, before anything changes, a steps.autologin this managed Mac can never honour: a profile that
/// forbids autologin (com.apple.login.mcx.DisableAutoLoginClient in the managed loginwindow preferences) or an
/// account that signs in with its Apple Account password. The step checks again before its reboot, since a profile
/// may arrive later. Where the host cannot tell (a tool fails), the step decides at run time.
/// </summary>
public static class AutologinPreflight
{
    public static async Task CheckAsync(BootstrapConfig config, string configPath, ILoginWindow loginWindow, CancellationToken cancellationToken)
    {
        if (config is not { Platform: HostPlatform.MacOs, Steps.Autologin: { } autologin })
        {
            return;
        }

        string? problem;
        try
        {
            problem = await loginWindow.IsAutoLoginForbiddenByProfileAsync(cancellationToken)
                ? "steps.autologin cannot work on this Mac: an installed configuration profile forbids automatic login "
                    + $"(com.apple.login.mcx.DisableAutoLoginClient in {HostPaths.ManagedLoginWindowPreferencesLocation}); remove that key from the "
                    + "profile scoped to this host, or on macOS 14 and later let the MDM set AutologinUsername/AutologinPassword and remove "
                    + "steps.autologin (docs/mdm.md)"
                : await loginWindow.UsesAppleAccountPasswordAsync(autologin.User, cancellationToken)
                    ? $"steps.autologin.user {autologin.User} signs in with its Apple Account password (an ;AppleID; entry in its "
                        + "AuthenticationAuthority), which automatic login cannot use; give the account a local password and store it as "
                        + $"{autologin.PasswordSecret} (docs/mdm.md)"
                    : null;
        }
        catch (Exception ex) when (ex is LoginWindowException or ProcessStartException)
        {
            // Cannot know here (no such account yet, a tool missing); the step checks again before its reboot.
            return;
        }

        if (problem is not null)
        {
            throw new ConfigException(ImmutableArray.Create(new ConfigError(configPath, "steps.autologin", problem)));
        }
    }
}
