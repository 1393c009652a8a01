using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// The pinned Xcode (docs/design.md §4): from a `.xip` (downloaded in the background and resumable, or already on the host;
/// SHA-256 checked first) expanded and renamed into /Applications, or from xcodes with an Apple ID; then
/// `xcode-select -s`, the license, the first launch, `DevToolsSecurity -enable`, the agent user in `_developer`, and
/// each platform's runtime. The bundle and each platform are kept as facts, so a retry repeats none of them.
/// </summary>
public sealed class XcodeStep : IStep
{
    /// <summary>The host path of the bundle this step installed, such as <c>/Applications/Xcode-16.2.0.app</c>.</summary>
    public const string AppPathFact = "appPath";

    private readonly string _version;
    private readonly string _agentUser;
    private readonly ImmutableArray<string> _platforms;
    private readonly IXcode _xcode;
    private readonly HostPaths _paths;
    private readonly XipArchiveSource? _archive;
    private readonly XcodeXipInstaller? _installer;
    private readonly AccountSecret? _appleId;

    /// <summary>Exactly one of <paramref name="archive"/> (with <paramref name="paths"/>) and <paramref name="appleId"/> is given.</summary>
    public XcodeStep(
        XcodeConfig config, string agentUser, ImmutableArray<string> dependsOn, IXcode xcode, HostPaths paths, XipArchiveSource? archive, AccountSecret? appleId = null)
    {
        _version = config.Version;
        _agentUser = agentUser;
        _platforms = config.Platforms;
        _xcode = xcode;
        _paths = paths;
        _archive = archive;
        _installer = archive is null ? null : new XcodeXipInstaller(xcode, paths);
        _appleId = appleId;
        DependsOn = dependsOn;
        Traits = new StepTraits
        {
            Description = $"Xcode {config.Version} ({(archive is null ? "xcodes install" : "xip")}, select, license, first launch"
                + (config.Platforms.IsEmpty ? ")" : $", {string.Join(", ", config.Platforms)})"),
            MaxAttempts = 3,
            RetryBackoff = TimeSpan.FromMinutes(10),
        };
    }

    public string Id => BuiltInStepIds.Xcode;

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; }

    /// <summary>The fact that records a downloaded platform, such as <c>platform.iOS</c>.</summary>
    public static string PlatformFact(string platform) => $"platform.{platform}";

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) =>
        PlatformsDone(context) && await _xcode.GetVersionAsync(cancellationToken) is { } selected && Matches(_version, selected);

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        try
        {
            // The pinned version already selected (a retry for a platform, or a host that came with it) needs no bundle.
            if (await _xcode.GetVersionAsync(cancellationToken) is not { } selected || !Matches(_version, selected))
            {
                var appPath = await KeptOrFoundAsync(context, cancellationToken);
                if (appPath is null)
                {
                    var installed = _archive is null ? await InstallWithXcodesAsync(context, cancellationToken) : await InstallFromXipAsync(context, cancellationToken);
                    if (installed.Result is { } notInstalled)
                    {
                        return notInstalled;
                    }

                    appPath = installed.AppPath!;
                }

                await _xcode.SelectAsync(appPath, cancellationToken);
            }

            await _xcode.AcceptLicenseAsync(cancellationToken);
            await _xcode.RunFirstLaunchAsync(cancellationToken);
            await _xcode.EnableDeveloperToolsSecurityAsync(cancellationToken);
            await _xcode.AddToDeveloperGroupAsync(_agentUser, cancellationToken);
            foreach (var platform in _platforms.Where(p => !context.Facts.ContainsKey(PlatformFact(p))))
            {
                context.Logger.LogInformation("Downloading the {Platform} platform for Xcode {Version}", platform, _version);
                await _xcode.DownloadPlatformAsync(platform, cancellationToken);
                await context.SetFactAsync(PlatformFact(platform), "installed", cancellationToken);
            }

            context.Logger.LogInformation("Xcode {Version} is selected, licensed, launched once, with its platforms", _version);
            return ApplyResult.Succeeded;
        }
        catch (XcodeException ex)
        {
            // A download, an expand or a runtime download can fail for passing reasons (network, disk); the attempt budget caps the retries.
            return new ApplyResult.Fail(ex.Message, Retryable: true);
        }
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var selected = await _xcode.GetVersionAsync(cancellationToken);
        if (selected is null || !Matches(_version, selected))
        {
            return VerifyResult.Failed($"xcodebuild -version reports Xcode {Describe(selected)}, not the pinned {_version}; check `xcode-select -p`");
        }

        return PlatformsDone(context)
            ? VerifyResult.Passed
            : VerifyResult.Failed($"the platforms {string.Join(", ", _platforms.Where(p => !context.Facts.ContainsKey(PlatformFact(p))))} were not downloaded");
    }

    private bool PlatformsDone(StepContext context) => _platforms.All(p => context.Facts.ContainsKey(PlatformFact(p)));

    private async Task<(string? AppPath, ApplyResult? Result)> InstallFromXipAsync(StepContext context, CancellationToken cancellationToken)
    {
        switch (await _archive!.GetAsync(cancellationToken))
        {
            case XipReadiness.NotYet notYet:
                return (null, new ApplyResult.WaitUntil(notYet.Reason, notYet.CheckAgainIn) { Progress = notYet.Progress });
            case XipReadiness.Unusable unusable:
                return (null, new ApplyResult.Fail(unusable.Reason, unusable.Retryable));
            case XipReadiness.Ready ready:
                var appPath = XcodesAppPath(_version)!;
                context.Logger.LogInformation("Expanding {XipPath} into {AppPath}; this takes minutes", ready.XipPath, appPath);
                if (await _installer!.InstallAsync(ready.XipPath, appPath, _version, cancellationToken) is { } problem)
                {
                    return (null, new ApplyResult.Fail(problem, Retryable: false));
                }

                await context.SetFactAsync(AppPathFact, appPath, cancellationToken);
                if (ready.Downloaded)
                {
                    // The bundle is recorded; the archive (gigabytes) is no longer needed.
                    File.Delete(_paths.Resolve(ready.XipPath));
                }

                return (appPath, null);
            default:
                throw new InvalidOperationException("unknown archive readiness");
        }
    }

    private async Task<(string? AppPath, ApplyResult? Result)> InstallWithXcodesAsync(StepContext context, CancellationToken cancellationToken)
    {
        var appleId = _appleId is null ? null : await _appleId.ResolveAsync(cancellationToken);
        if (_appleId is not null && appleId is null)
        {
            return (null, new ApplyResult.Fail(
                $"the secret {_appleId.PasswordSecret} (the Apple ID password of {_appleId.User}) is not in the secrets; add it to the SOPS file, then `rig-bootstrap retry {Id}`",
                Retryable: false));
        }

        context.Logger.LogInformation("Installing Xcode {Version} with xcodes; this can take hours", _version);
        var appPath = await _xcode.InstallAsync(_version, new XcodeInstallSource { AppleId = appleId }, cancellationToken);
        var installed = await _xcode.GetVersionAtAsync(appPath, cancellationToken);
        if (installed is null || !Matches(_version, installed))
        {
            return (null, new ApplyResult.Fail(
                $"xcodes installed {appPath}, which reports Xcode {Describe(installed)}, not {_version}; check steps.xcode.version against `xcodes list`",
                Retryable: false));
        }

        await context.SetFactAsync(AppPathFact, appPath, cancellationToken);
        return (appPath, null);
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
