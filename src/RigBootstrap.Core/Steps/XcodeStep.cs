using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// The pinned Xcode (DESIGN §4): `xcodes install`, `xcode-select -s`, `xcodebuild -license accept`, then
/// `xcodebuild -runFirstLaunch`. The installed bundle is kept as a fact, so a retry after a crash does not download again.
/// </summary>
public sealed class XcodeStep : IStep
{
    /// <summary>The host path of the bundle this step installed, such as <c>/Applications/Xcode-16.2.0.app</c>.</summary>
    public const string AppPathFact = "appPath";

    private readonly string _version;
    private readonly IXcode _xcode;
    private readonly string? _xipPath;
    private readonly AccountSecret? _appleId;

    /// <summary>
    /// With neither <paramref name="xipPath"/> nor <paramref name="appleId"/>, xcodes must already be signed in as root.
    /// An Apple ID with two-factor authentication cannot sign in unattended: a local `.xip` is the reliable source.
    /// </summary>
    public XcodeStep(XcodeConfig config, ImmutableArray<string> dependsOn, IXcode xcode, string? xipPath = null, AccountSecret? appleId = null)
    {
        _version = config.Version;
        _xcode = xcode;
        _xipPath = xipPath;
        _appleId = appleId;
        DependsOn = dependsOn;
        Traits = new StepTraits
        {
            Description = $"Xcode {config.Version} (xcodes install, select, license, first launch)",
            MaxAttempts = 3,
            RetryBackoff = TimeSpan.FromMinutes(10),
        };
    }

    public string Id => BuiltInStepIds.Xcode;

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) =>
        await _xcode.GetVersionAsync(cancellationToken) is { } selected && Matches(_version, selected);

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        try
        {
            var appPath = await KeptOrFoundAsync(context, cancellationToken);
            if (appPath is null)
            {
                var appleId = _appleId is null ? null : await _appleId.ResolveAsync(cancellationToken);
                if (_appleId is not null && appleId is null)
                {
                    return new ApplyResult.Fail(
                        $"the secret {_appleId.PasswordSecret} (the Apple ID password of {_appleId.User}) is not in the secrets; add it to the SOPS file, then `rig-bootstrap retry {Id}`",
                        Retryable: false);
                }

                context.Logger.LogInformation("Installing Xcode {Version} with xcodes; this can take hours", _version);
                appPath = await _xcode.InstallAsync(_version, new XcodeInstallSource { XipPath = _xipPath, AppleId = appleId }, cancellationToken);
                var installed = await _xcode.GetVersionAtAsync(appPath, cancellationToken);
                if (installed is null || !Matches(_version, installed))
                {
                    return new ApplyResult.Fail(
                        $"xcodes installed {appPath}, which reports Xcode {Describe(installed)}, not {_version}; check steps.xcode.version against `xcodes list`",
                        Retryable: false);
                }

                await context.SetFactAsync(AppPathFact, appPath, cancellationToken);
            }

            await _xcode.SelectAsync(appPath, cancellationToken);
            await _xcode.AcceptLicenseAsync(cancellationToken);
            await _xcode.RunFirstLaunchAsync(cancellationToken);
            context.Logger.LogInformation("Xcode {Version} at {AppPath} is selected, licensed and launched once", _version, appPath);
            return ApplyResult.Succeeded;
        }
        catch (XcodeException ex)
        {
            // A download or unxip can fail for passing reasons (network, disk); the attempt budget caps the retries.
            return new ApplyResult.Fail(ex.Message, Retryable: true);
        }
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var selected = await _xcode.GetVersionAsync(cancellationToken);
        return selected is not null && Matches(_version, selected)
            ? VerifyResult.Passed
            : VerifyResult.Failed($"xcodebuild -version reports Xcode {Describe(selected)}, not the pinned {_version}; check `xcode-select -p`");
    }

    /// <summary>
    /// The bundle of an earlier install: the one this step recorded, else the one xcodes names
    /// `/Applications/Xcode-&lt;major.minor.patch&gt;.app`, which a power cut between the install and the record leaves
    /// unrecorded (an install takes hours; it is never repeated for want of a fact). Null when neither holds the version.
    /// </summary>
    private async Task<string?> KeptOrFoundAsync(StepContext context, CancellationToken cancellationToken)
    {
        string?[] candidates = [context.Facts.GetValueOrDefault(AppPathFact), XcodesAppPath(_version)];
        foreach (var candidate in candidates.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await _xcode.GetVersionAtAsync(candidate, cancellationToken) is { } found && Matches(_version, found))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Where xcodes puts a release version (`16.2` → `/Applications/Xcode-16.2.0.app`); null for a beta or other qualifier.</summary>
    private static string? XcodesAppPath(string pinned) =>
        pinned.Contains(' ', StringComparison.Ordinal) || Numbers(pinned) is not { } numbers
            ? null
            : $"/Applications/Xcode-{numbers[0]}.{numbers[1]}.{numbers[2]}.app";

    /// <summary>
    /// `16.2` matches `Xcode 16.2` and `16.2.0`; a qualifier must match too, so `16` does not match `Xcode 16 beta6`.
    /// </summary>
    public static bool Matches(string pinned, XcodeVersionInfo reported)
    {
        var space = pinned.IndexOf(' ', StringComparison.Ordinal);
        var pinnedNumbers = space < 0 ? pinned : pinned[..space];
        var pinnedQualifier = space < 0 ? "" : pinned[(space + 1)..];
        return Numbers(pinnedNumbers) is { } wanted && Numbers(reported.Version) is { } actual && wanted.SequenceEqual(actual)
            && string.Equals(pinnedQualifier.Replace(" ", "", StringComparison.Ordinal), (reported.Qualifier ?? "").Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    // Three components, missing ones 0, so 16.2 and 16.2.0 compare equal; null for anything that is not numbers.
    private static int[]? Numbers(string text)
    {
        var parts = text.Split('.');
        var numbers = new int[3];
        if (parts.Length > 3)
        {
            return null;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return numbers;
    }

    private static string Describe(XcodeVersionInfo? info) =>
        info is null ? "none (no full Xcode selected)" : info.Qualifier is null ? info.Version : $"{info.Version} {info.Qualifier}";
}
