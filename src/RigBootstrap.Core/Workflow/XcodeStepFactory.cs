using System.Collections.Immutable;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Downloads;
using RigBootstrap.Core.Steps;

namespace RigBootstrap.Core.Workflow;

/// <summary>Builds the xcode step for its configured source: a `.xip` (a URL gets a resumable downloader) or xcodes with an Apple ID.</summary>
public static class XcodeStepFactory
{
    public static XcodeStep Create(XcodeConfig config, string agentUser, ImmutableArray<string> dependsOn, HostServices services, SecretsStep? secrets)
    {
        XipArchiveSource? archive = null;
        if (config.Xip is { } xip)
        {
            // One client per run; no overall timeout (an archive takes hours), the download's own stall timeout instead.
            var download = xip.Url is null ? null : new ResumableDownload(services.HttpClientFactory(), services.Time);
            archive = new XipArchiveSource(xip, config.Version, services.Paths, download);
        }

        var appleId = config.Xcodes is { } xcodes && secrets is not null ? new AccountSecret(xcodes.AppleId, xcodes.PasswordSecret, secrets.Values) : null;
        return new XcodeStep(config, agentUser, dependsOn, services.Xcode, services.Paths, archive, appleId);
    }
}
