using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Brings macOS to the configured minimum (DESIGN §4): installs the smallest offered macOS update that reaches it with
/// `softwareupdate --install … --restart`, which restarts the host by itself, or waits for one to be offered (or for
/// an MDM-driven upgrade). Verified after the reboot by the running version.
/// </summary>
public sealed class OsUpgradeStep : IStep
{
    /// <summary>The label being installed, kept so the check after the reboot can name it.</summary>
    public const string LabelFact = "installing";

    private static readonly TimeSpan OfferWait = TimeSpan.FromHours(1);

    private readonly MacOsVersion _minimum;
    private readonly ISoftwareUpdate _softwareUpdate;
    private readonly AccountSecret? _volumeOwner;

    /// <summary>
    /// <paramref name="volumeOwner"/> names the volume owner Apple Silicon needs and the secret holding the password;
    /// null installs without (Intel hosts, or an MDM with a bootstrap token).
    /// </summary>
    public OsUpgradeStep(OsUpgradeConfig config, ISoftwareUpdate softwareUpdate, AccountSecret? volumeOwner = null)
    {
        _minimum = MacOsVersion.Parse(config.MinimumVersion);
        _softwareUpdate = softwareUpdate;
        _volumeOwner = volumeOwner;
        Traits = new StepTraits
        {
            Description = $"macOS ≥ {_minimum} (softwareupdate --install --restart, or an MDM-driven upgrade)",
            MaxAttempts = 3,
            RetryBackoff = TimeSpan.FromMinutes(5),
            MayNeedReboot = true,
            RebootsItself = true,
        };
    }

    public string Id => BuiltInStepIds.OsUpgrade;

    public ImmutableArray<string> DependsOn => [];

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

            var owner = _volumeOwner is null ? null : await _volumeOwner.ResolveAsync(cancellationToken);
            if (_volumeOwner is not null && owner is null)
            {
                return new ApplyResult.Fail(
                    $"the secret {_volumeOwner.PasswordSecret} (the password of volume owner {_volumeOwner.User}) is not in the secrets; add it to the SOPS file, then `rig-bootstrap retry {Id}`",
                    Retryable: false);
            }

            // The intent is persisted before the command (DESIGN §10): softwareupdate may restart the host at any moment.
            if (!await context.RecordSelfRebootAsync($"softwareupdate --install {update.Label} --restart (macOS {current} → {update.Version})", cancellationToken))
            {
                return new ApplyResult.Fail($"reboot budget spent: not installing {update.Label}; check why earlier reboots did not help, then `rig-bootstrap retry {Id}`", Retryable: false);
            }

            await context.SetFactAsync(LabelFact, update.Label, cancellationToken);
            context.Logger.LogInformation("Installing {Label} (macOS {From} -> {To}); the host restarts by itself", update.Label, current, update.Version);
            await _softwareUpdate.InstallAsync(update.Label, restart: true, owner, cancellationToken);
            return new ApplyResult.NeedsReboot($"{update.Label} installs during the restart softwareupdate starts");
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
