using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Logs the agent user in automatically at boot (docs/design.md §4 `autologin`), so that the user's session, login keychain
/// and TCC.db exist. It takes effect only at the next boot: apply parks the step with NeedsReboot, and verify, after
/// that reboot, asks who owns the console. The password comes from the secrets and goes only into `/etc/kcpassword`.
/// </summary>
public sealed class AutologinStep : IStep
{
    private readonly AutologinConfig _config;
    private readonly ISecretValues _secrets;
    private readonly string _secretsSource;
    private readonly ILoginWindow _loginWindow;

    /// <param name="secretsSource">The SOPS file the password comes from (steps.secrets.source), named in messages.</param>
    /// <param name="dependsOn">The configured steps this one needs: `secrets` when it is configured.</param>
    public AutologinStep(AutologinConfig config, ISecretValues secrets, string secretsSource, ILoginWindow loginWindow, ImmutableArray<string> dependsOn)
    {
        _config = config;
        _secrets = secrets;
        _secretsSource = secretsSource;
        _loginWindow = loginWindow;
        DependsOn = dependsOn;
        Traits = new StepTraits
        {
            Description = $"log {config.User} in automatically at boot (takes effect after a reboot)",
            MaxAttempts = 3,
            RetryBackoff = TimeSpan.FromSeconds(30),
            MayNeedReboot = true,
        };
    }

    public string Id => BuiltInStepIds.Autologin;

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; }

    /// <summary>
    /// Satisfied when autologin is set up for the user with the right password and is in effect (the user owns the
    /// console). Set up but not yet in effect is not enough: the step must still ask for its reboot, or whatever needs
    /// the user's session (tcc) would run before it exists.
    /// </summary>
    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken)
    {
        var password = await _secrets.FindAsync(_config.PasswordSecret, cancellationToken);
        return password is not null
            && await SettingProblemAsync(password, cancellationToken) is null
            && await _loginWindow.GetConsoleUserAsync(cancellationToken) == _config.User;
    }

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (await _loginWindow.IsFileVaultOnAsync(cancellationToken))
        {
            // The engine reboots with `shutdown -r`; an `fdesetup authrestart` reboot is not built yet.
            return new ApplyResult.Fail(
                "FileVault is on (or turns on at the next restart), and macOS ignores autologin while it is: every boot stops at the FileVault "
                + "unlock screen unless the reboot is an `fdesetup authrestart`, which rig-bootstrap does not do yet. Turn FileVault off "
                + "(`fdesetup disable`) or remove steps.autologin, then run `rig-bootstrap retry autologin`",
                Retryable: false);
        }

        try
        {
            if (await ManagedRefusalAsync(cancellationToken) is { } refusal)
            {
                return new ApplyResult.Fail(refusal, Retryable: false);
            }
        }
        catch (LoginWindowException ex)
        {
            return new ApplyResult.Fail(ex.Message, Retryable: true);
        }

        var password = await _secrets.FindAsync(_config.PasswordSecret, cancellationToken);
        if (password is null)
        {
            return new ApplyResult.Fail(
                $"steps.autologin.passwordSecret names {_config.PasswordSecret}, which {_secretsSource} does not hold; add {_config.User}'s login "
                + "password to that SOPS file under that name (or correct the name in the config), then run `rig-bootstrap retry autologin`",
                Retryable: false);
        }

        try
        {
            await _loginWindow.EnableAutoLoginAsync(_config.User, password, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            // KcPassword refuses a password it cannot store (a NUL, a lone surrogate); retrying does not change it.
            return new ApplyResult.Fail($"{_config.PasswordSecret}: {ex.Message}", Retryable: false);
        }
        catch (LoginWindowException ex)
        {
            return new ApplyResult.Fail(ex.Message, Retryable: true);
        }

        context.Logger.LogInformation("Autologin: set for {User} from {Secret}; it takes effect at the next boot", _config.User, _config.PasswordSecret);
        return new ApplyResult.NeedsReboot("autologin takes effect at the next boot");
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var password = await _secrets.FindAsync(_config.PasswordSecret, cancellationToken);
        if (password is null)
        {
            return VerifyResult.Failed($"{_secretsSource} no longer holds {_config.PasswordSecret}");
        }

        if (await SettingProblemAsync(password, cancellationToken) is { } problem)
        {
            return VerifyResult.Failed(problem);
        }

        var console = await _loginWindow.GetConsoleUserAsync(cancellationToken);
        if (console == _config.User)
        {
            return VerifyResult.Passed;
        }

        var why = await _loginWindow.IsFileVaultOnAsync(cancellationToken)
            ? "FileVault is on, so the boot stopped at the FileVault unlock screen; turn FileVault off (`fdesetup disable`)"
            : $"check that {_config.PasswordSecret} in {_secretsSource} is {_config.User}'s current login password";
        return VerifyResult.Failed(
            context.AfterReboot
                ? $"after the reboot the console belongs to {console}, not {_config.User}: the login window did not log {_config.User} in; {why}"
                : $"autologin is set for {_config.User} but takes effect only at the next boot (the console belongs to {console})");
    }

    /// <summary>
    /// What makes autologin impossible on a managed Mac, checked before a reboot is spent on it: a profile that forbids
    /// it, or an account whose password is its Apple Account's (loginwindow cannot log such an account in from
    /// /etc/kcpassword). Null when neither holds. The fix is the MDM's own autologin (docs/mdm.md).
    /// </summary>
    private async Task<string?> ManagedRefusalAsync(CancellationToken cancellationToken)
    {
        if (await _loginWindow.IsAutoLoginForbiddenByProfileAsync(cancellationToken))
        {
            return "an installed configuration profile forbids automatic login (com.apple.login.mcx.DisableAutoLoginClient in the managed "
                + "com.apple.loginwindow preferences), so a reboot would stop at the login window; remove that key from the profile scoped to "
                + $"this host, or on macOS 14 and later let the MDM set AutologinUsername/AutologinPassword (docs/mdm.md) and remove steps.autologin; "
                + "then run `rig-bootstrap retry autologin`";
        }

        return await _loginWindow.UsesAppleAccountPasswordAsync(_config.User, cancellationToken)
            ? $"{_config.User} signs in with its Apple Account password (an ;AppleID; entry in its AuthenticationAuthority), which "
                + $"automatic login cannot use; give {_config.User} a local password (System Settings > Users & Groups, or `sysadminctl "
                + $"-resetPasswordFor {_config.User}`), store it as {_config.PasswordSecret}, then run `rig-bootstrap retry autologin`"
            : null;
    }

    // Null when loginwindow's autoLoginUser is the user and /etc/kcpassword decodes to the password; else what differs.
    private async Task<string?> SettingProblemAsync(string password, CancellationToken cancellationToken)
    {
        var user = await _loginWindow.GetAutoLoginUserAsync(cancellationToken);
        if (user != _config.User)
        {
            return $"loginwindow's autoLoginUser is {user ?? "not set"}, not {_config.User}";
        }

        var stored = await _loginWindow.ReadAutoLoginPasswordAsync(cancellationToken);
        return stored is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(password))
            ? null
            : $"/etc/kcpassword is missing or does not hold {_config.PasswordSecret}";
    }
}
