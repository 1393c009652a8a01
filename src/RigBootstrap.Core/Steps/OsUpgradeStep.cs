using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Brings macOS to the configured minimum (docs/design.md §4, docs/os-upgrade.md). In `mdm` mode (the default on Apple
/// Silicon) it never installs: it waits, with a deadline, for the MDM to upgrade and restart the host, and that restart
/// is the bootstrap's one reboot. In `softwareupdate` mode it installs the smallest offered macOS update that reaches
/// the minimum with `softwareupdate --install … --restart`, on Apple Silicon as a volume owner (`--user`,
/// `--stdinpass`). Either way the running version after the reboot verifies it.
/// </summary>
public sealed class OsUpgradeStep : IStep
{
    /// <summary>The label being installed, kept so the check after the reboot can name it.</summary>
    public const string LabelFact = "installing";

    /// <summary>The mode chosen on the first apply (from the config, else the architecture), so it never changes midway.</summary>
    public const string ModeFact = "mode";

    /// <summary>When the wait for the MDM began (round-trip time); the deadline counts from it.</summary>
    public const string MdmWaitSinceFact = "mdm-wait-since";

    private static readonly TimeSpan OfferWait = TimeSpan.FromHours(1);
    // The MDM's restart ends the wait (the next boot checks at once); between boots a look every 15 minutes is plenty.
    private static readonly TimeSpan MdmPoll = TimeSpan.FromMinutes(15);

    private readonly OsUpgradeConfig _config;
    private readonly MacOsVersion _minimum;
    private readonly ISoftwareUpdate _softwareUpdate;
    private readonly IVolumeOwners _volumeOwners;
    private readonly AccountSecret? _volumeOwner;
    private readonly TimeProvider _time;

    /// <summary>
    /// <paramref name="volumeOwner"/> names the volume owner Apple Silicon needs in softwareupdate mode and the secret
    /// holding its password; null installs without (Intel hosts).
    /// </summary>
    public OsUpgradeStep(OsUpgradeConfig config, ISoftwareUpdate softwareUpdate, IVolumeOwners volumeOwners, AccountSecret? volumeOwner, TimeProvider time)
    {
        _config = config;
        _minimum = MacOsVersion.Parse(config.MinimumVersion);
        _softwareUpdate = softwareUpdate;
        _volumeOwners = volumeOwners;
        _volumeOwner = volumeOwner;
        _time = time;
        var how = config.Mode switch
        {
            OsUpgradeMode.Mdm => "the MDM upgrades and restarts the host",
            OsUpgradeMode.SoftwareUpdate => "softwareupdate --install --restart" + (volumeOwner is null ? "" : $" as volume owner {volumeOwner.User}"),
            _ => "the MDM on Apple Silicon, softwareupdate on Intel",
        };
        Traits = new StepTraits
        {
            Description = $"macOS ≥ {_minimum} ({how})",
            MaxAttempts = 3,
            RetryBackoff = TimeSpan.FromMinutes(5),
            MayNeedReboot = true,
            RebootsItself = true,
            WaitEndsWithOutsideRestart = true,
        };
    }

    public string Id => BuiltInStepIds.OsUpgrade;

    /// <summary>The volume owner's password comes from the decrypted secrets, so with one the step waits for them.</summary>
    public ImmutableArray<string> DependsOn => _volumeOwner is null ? [] : [BuiltInStepIds.Secrets];

    public StepTraits Traits { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) =>
        await _softwareUpdate.GetProductVersionAsync(cancellationToken) >= _minimum;

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        try
        {
            var current = await _softwareUpdate.GetProductVersionAsync(cancellationToken);
            if (current >= _minimum)
            {
                return ApplyResult.Succeeded;
            }

            var appleSilicon = await _softwareUpdate.IsAppleSiliconAsync(cancellationToken);
            return await ModeAsync(context, appleSilicon, cancellationToken) == OsUpgradeMode.Mdm
                ? await WaitForMdmAsync(context, current, cancellationToken)
                : await InstallAsync(context, current, appleSilicon, cancellationToken);
        }
        catch (SoftwareUpdateException ex)
        {
            return new ApplyResult.Fail(ex.Message, ex.Retryable);
        }
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var current = await _softwareUpdate.GetProductVersionAsync(cancellationToken);
        if (current >= _minimum)
        {
            return VerifyResult.Passed;
        }

        var installed = context.Facts.GetValueOrDefault(LabelFact);
        return VerifyResult.Failed(installed is null
            ? $"the host runs macOS {current}, below the minimum {_minimum}"
            : $"the host still runs macOS {current} after installing {installed}, below the minimum {_minimum}; see `softwareupdate --history` and /var/log/install.log");
    }

    private async Task<OsUpgradeMode> ModeAsync(StepContext context, bool appleSilicon, CancellationToken cancellationToken)
    {
        if (_config.Mode is { } configured)
        {
            return configured;
        }

        if (context.Facts.GetValueOrDefault(ModeFact) is { } recorded && Enum.TryParse<OsUpgradeMode>(recorded, out var mode))
        {
            return mode;
        }

        // Apple Silicon installs only with a volume owner's credentials, which an unset mode does not give: the MDM.
        mode = appleSilicon ? OsUpgradeMode.Mdm : OsUpgradeMode.SoftwareUpdate;
        await context.SetFactAsync(ModeFact, mode.ToString(), cancellationToken);
        context.Logger.LogInformation("os-upgrade: mode {Mode} ({Architecture})", mode, appleSilicon ? "Apple Silicon" : "Intel");
        return mode;
    }

    private async Task<ApplyResult> WaitForMdmAsync(StepContext context, MacOsVersion current, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (!DateTimeOffset.TryParse(context.Facts.GetValueOrDefault(MdmWaitSinceFact), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since))
        {
            since = now;
            await context.SetFactAsync(MdmWaitSinceFact, since.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        }

        var deadline = since + _config.MdmDeadline;
        if (now >= deadline)
        {
            // A retry starts a new wait: the operator has changed what the MDM sends.
            await context.SetFactAsync(MdmWaitSinceFact, null, cancellationToken);
            return new ApplyResult.Fail(
                $"the MDM did not bring macOS {current} to {_minimum} within steps.osUpgrade.mdmDeadline ({_config.MdmDeadline:c}, since {since:u}); "
                + $"the MDM must send a software-update enforcement declaration (com.apple.configuration.softwareupdate.enforcement.specific) with "
                + $"TargetOSVersion {_minimum} or later and a TargetLocalDateTime before the deadline, and hold this host's bootstrap token "
                + "(`profiles status -type bootstraptoken` says escrowed: YES) to install it unattended on Apple Silicon (docs/os-upgrade.md); "
                + "or set steps.osUpgrade.mode to \"softwareupdate\" with a volumeOwner. Then run `rig-bootstrap retry os-upgrade`",
                Retryable: false);
        }

        var next = MdmPoll < deadline - now ? MdmPoll : deadline - now;
        return new ApplyResult.WaitUntil(
            $"waiting for the MDM to upgrade macOS {current} to ≥ {_minimum} and restart the host (mode mdm; that restart is the bootstrap's reboot; deadline {deadline:u})",
            next);
    }

    private async Task<ApplyResult> InstallAsync(StepContext context, MacOsVersion current, bool appleSilicon, CancellationToken cancellationToken)
    {
        if (appleSilicon && _volumeOwner is null)
        {
            return new ApplyResult.Fail(
                "this is an Apple Silicon Mac, where softwareupdate installs macOS only with a volume owner's credentials, and "
                + "steps.osUpgrade.volumeOwner is not set; add \"volumeOwner\": { \"user\": \"<a volume owner>\", \"passwordSecret\": \"<secret name>\" } "
                + "(`diskutil apfs listUsers /` shows the owners), or set steps.osUpgrade.mode to \"mdm\" and let the MDM upgrade the host "
                + "(docs/os-upgrade.md); then run `rig-bootstrap retry os-upgrade`",
                Retryable: false);
        }

        var owner = _volumeOwner is null ? null : await _volumeOwner.ResolveAsync(cancellationToken);
        if (_volumeOwner is not null && owner is null)
        {
            return new ApplyResult.Fail(
                $"the secret {_volumeOwner.PasswordSecret} (the password of volume owner {_volumeOwner.User}) is not in the secrets; add it to the SOPS file, then `rig-bootstrap retry {Id}`",
                Retryable: false);
        }

        if (owner is not null && appleSilicon && await _volumeOwners.CheckAsync(owner.User, cancellationToken) is { IsOwner: false } ownership)
        {
            return new ApplyResult.Fail(
                $"steps.osUpgrade.volumeOwner.user {owner.User} is not a volume owner of /, so softwareupdate would refuse it after a long download: "
                + $"{ownership.Evidence}; name a volume owner (an admin with a secure token, listed as `Volume Owner: Yes` by `diskutil apfs listUsers /`), "
                + "or set mode to \"mdm\"; then run `rig-bootstrap retry os-upgrade`",
                Retryable: false);
        }

        var offered = await _softwareUpdate.ListAsync(cancellationToken);
        var reaching = Reaching(offered);
        var update = reaching.FirstOrDefault(u => !u.Deferred);
        if (update is null)
        {
            var deferred = reaching.FirstOrDefault();
            return new ApplyResult.WaitUntil(deferred is null
                ? $"waiting for macOS ≥ {_minimum} to be offered (or an MDM-driven upgrade); the host runs {current}"
                : $"waiting for macOS ≥ {_minimum}: {deferred.Label} is offered but deferred by the MDM; the host runs {current}", OfferWait);
        }

        // The intent is persisted before the command (docs/design.md §10): softwareupdate may restart the host at any moment.
        if (!await context.RecordSelfRebootAsync($"softwareupdate --install {update.Label} --restart (macOS {current} → {update.Version})", cancellationToken))
        {
            return new ApplyResult.Fail($"reboot budget spent: not installing {update.Label}; check why earlier reboots did not help, then `rig-bootstrap retry {Id}`", Retryable: false);
        }

        await context.SetFactAsync(LabelFact, update.Label, cancellationToken);
        context.Logger.LogInformation("Installing {Label} (macOS {From} -> {To}); the host restarts by itself", update.Label, current, update.Version);
        await _softwareUpdate.InstallAsync(update.Label, restart: true, owner, cancellationToken);
        return new ApplyResult.NeedsReboot($"{update.Label} installs during the restart softwareupdate starts");
    }

    // Only macOS itself counts (not Safari or a Rapid Security Response), and never a beta on a fleet host; smallest first.
    private ImmutableArray<SoftwareUpdate> Reaching(ImmutableArray<SoftwareUpdate> offered) =>
    [
        .. offered
            .Where(u => u.Title.StartsWith("macOS ", StringComparison.Ordinal) && !u.Title.Contains("beta", StringComparison.OrdinalIgnoreCase))
            .Select(u => (Update: u, Version: MacOsVersion.TryParse(u.Version, out var v) ? v : null))
            .Where(p => p.Version is not null && p.Version >= _minimum)
            .OrderBy(p => p.Version)
            .Select(p => p.Update),
    ];
}
