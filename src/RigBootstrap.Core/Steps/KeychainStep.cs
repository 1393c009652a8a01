using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Imports generic passwords into the agent's login keychain (docs/design.md §4 `keychain`), each value taken from the
/// decrypted secrets by name. Values stay in memory and in the keychain: never in argv, the state, the journal or
/// the logs (docs/invariants.md I6).
/// </summary>
public sealed class KeychainStep : IStep
{
    // A login keychain opens when its user logs in; autologin does that at the next boot, so look again now and then.
    private static readonly TimeSpan LockedRetryAfter = TimeSpan.FromMinutes(5);

    private readonly KeychainConfig _config;
    private readonly KeychainFile _keychain;
    private readonly ISecretValues _secrets;
    private readonly string _secretsSource;
    private readonly IKeychain _tool;
    private readonly HostPaths _paths;
    private readonly ILoginWindow? _session;
    private readonly AgentLoginHint _login;

    /// <param name="secretsSource">The SOPS file the values come from (steps.secrets.source), named in messages.</param>
    /// <param name="dependsOn">The configured steps this one needs: `secrets` when it is configured.</param>
    /// <param name="session">Who owns the console, to tell "not logged in yet" from "logged in, still locked"; null to not ask.</param>
    /// <param name="login">How the keychain's user gets logged in; by default, by autologin.</param>
    public KeychainStep(
        KeychainConfig config, KeychainFile keychain, ISecretValues secrets, string secretsSource, IKeychain tool, ImmutableArray<string> dependsOn,
        HostPaths paths, ILoginWindow? session = null, AgentLoginHint? login = null)
    {
        _paths = paths;
        _session = session;
        _login = login ?? new AgentLoginHint(keychain.UserName ?? "its user", ByAutologin: true);
        _config = config;
        _keychain = keychain;
        _secrets = secrets;
        _secretsSource = secretsSource;
        _tool = tool;
        DependsOn = dependsOn;
        Traits = new StepTraits
        {
            Description = $"{config.Items.Length} generic password(s) in {keychain.Path}",
            MaxAttempts = 3,
            RetryBackoff = TimeSpan.FromSeconds(30),
            // A login keychain exists and unlocks only when its user logs in: autologin's reboot must not wait for it.
            WaitsEndWithABoot = true,
        };
    }

    /// <summary>The keychain the items go to, and the user `security` runs as to reach it.</summary>
    public KeychainFile Keychain => _keychain;

    public string Id => BuiltInStepIds.Keychain;

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in _config.Items)
        {
            var expected = await _secrets.FindAsync(item.Secret, cancellationToken);
            if (expected is null || !await IsInPlaceAsync(context, item, expected, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        // Every value is looked up before anything is written, so a config mistake changes nothing (docs/invariants.md I9).
        var values = new List<(KeychainItemConfig Item, string Value)>();
        for (var i = 0; i < _config.Items.Length; i++)
        {
            var item = _config.Items[i];
            var value = await _secrets.FindAsync(item.Secret, cancellationToken);
            if (value is null)
            {
                return new ApplyResult.Fail(
                    $"steps.keychain.items[{i}].secret names {item.Secret}, which {_secretsSource} does not hold; add it to that SOPS file "
                    + "(or correct the name in the config), then run `rig-bootstrap retry keychain`",
                    Retryable: false);
            }

            values.Add((item, value));
        }

        // macOS creates a login keychain at its user's first login: no file means "not yet", which no exit code of
        // security tells apart from a locked one reliably (50 and 36 both come from a session that cannot see it).
        if (!File.Exists(_paths.Resolve(_keychain.Path)))
        {
            context.Logger.LogWarning("Keychain: {Keychain} is not created yet; waiting for {User} to log in", _keychain.Path, _keychain.UserName);
            return new ApplyResult.WaitUntil(MissingReason(), LockedRetryAfter);
        }

        foreach (var (item, value) in values)
        {
            try
            {
                await _tool.SetAsync(_keychain, item.Service, item.Account, value, cancellationToken);
            }
            catch (KeychainException ex) when (ex.Kind is SecurityErrorKind.InteractionNotAllowed or SecurityErrorKind.NoSuchKeychain)
            {
                if (_session is not null && await _session.GetConsoleUserAsync(cancellationToken) == _keychain.UserName)
                {
                    // Logged in and still locked: waiting for a login that already happened would wait forever.
                    return new ApplyResult.Fail(LockedWhileLoggedInReason(ex.Kind), Retryable: true);
                }

                // The file exists, so the session cannot open it: its user is not logged in at the GUI (yet).
                context.Logger.LogWarning("Keychain: {Keychain} exists but is locked ({Kind}); waiting for {User} to log in", _keychain.Path, ex.Kind, _keychain.UserName);
                return new ApplyResult.WaitUntil(LockedReason(), LockedRetryAfter);
            }
            catch (KeychainException ex)
            {
                return new ApplyResult.Fail(ex.Message, Retryable: ex.Kind is not (SecurityErrorKind.AuthFailed or SecurityErrorKind.UsageError));
            }
            catch (ArgumentException ex)
            {
                return new ApplyResult.Fail($"steps.keychain item {item.Service}/{item.Account}: {ex.Message}", Retryable: false);
            }

            context.Logger.LogInformation("Keychain: set {Service}/{Account} in {Keychain} from {Secret}", item.Service, item.Account, _keychain.Path, item.Secret);
        }

        return ApplyResult.Succeeded;
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        foreach (var item in _config.Items)
        {
            var expected = await _secrets.FindAsync(item.Secret, cancellationToken);
            if (expected is null)
            {
                return VerifyResult.Failed($"{_secretsSource} no longer holds {item.Secret}");
            }

            string? stored;
            try
            {
                stored = await _tool.ReadAsync(_keychain, item.Service, item.Account, cancellationToken);
            }
            catch (KeychainException ex)
            {
                return VerifyResult.Failed(ex.Message);
            }

            if (stored is null)
            {
                return VerifyResult.Failed($"{item.Service}/{item.Account} is missing from {_keychain.Path} right after it was added");
            }

            if (!SameValue(stored, expected))
            {
                return VerifyResult.Failed($"{item.Service}/{item.Account} in {_keychain.Path} reads back different from {item.Secret}");
            }
        }

        return VerifyResult.Passed;
    }

    // In place = equal to the secret; an item whose value cannot be read (access list, locked) counts when it exists.
    private async Task<bool> IsInPlaceAsync(StepContext context, KeychainItemConfig item, string expected, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await _tool.ReadAsync(_keychain, item.Service, item.Account, cancellationToken);
            return stored is not null && SameValue(stored, expected);
        }
        catch (KeychainException readFailure)
        {
            try
            {
                var exists = await _tool.ExistsAsync(_keychain, item.Service, item.Account, cancellationToken);
                context.Logger.LogInformation("Keychain: {Service}/{Account} exists={Exists}; its value could not be read ({Kind})", item.Service, item.Account, exists, readFailure.Kind);
                return exists;
            }
            catch (KeychainException)
            {
                // Neither lookup works (a locked keychain): not in place; apply says what to do.
                return false;
            }
        }
    }

    private string LockedReason() =>
        $"{_keychain.Path} exists but is locked (errSecInteractionNotAllowed, exit 36): a login keychain unlocks when "
        + $"{_keychain.UserName ?? "its user"} logs in at the GUI, and `security` reaches it only from that session (launchctl asuser). "
        + _login.WhatHappensNext(Id);

    private string LockedWhileLoggedInReason(SecurityErrorKind kind) =>
        $"{_keychain.Path} is still locked ({kind}) although {_keychain.UserName} owns the console: either its password is not "
        + $"{_keychain.UserName}'s login password, so the login did not unlock it (change it with `security set-keychain-password` as "
        + $"{_keychain.UserName}, or move the keychain away so the next login makes a new one), or `launchctl asuser` did not reach "
        + $"{_keychain.UserName}'s session (`launchctl print gui/<uid>` shows whether it exists); then `rig-bootstrap retry {Id}`";

    private string MissingReason() =>
        $"{_keychain.Path} does not exist yet: macOS creates a login keychain at its user's first login. " + _login.WhatHappensNext(Id);

    private static bool SameValue(string stored, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(expected));
}
