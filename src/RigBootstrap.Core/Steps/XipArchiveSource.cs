using System.Security.Cryptography;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Downloads;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Makes the configured `.xip` ready for the xcode step: a host path is hashed where it lies; a URL is downloaded in
/// the background (resumable, <see cref="ResumableDownload"/>) while the step waits, so other steps run meanwhile.
/// The archive is only ever handed out after its SHA-256 matched the pin.
/// </summary>
public sealed class XipArchiveSource
{
    // The first check comes soon so status shows the size and rate; later ones are coarse, to keep the journal short.
    private static readonly TimeSpan FirstCheck = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LaterChecks = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MissingFileCheck = TimeSpan.FromMinutes(5);

    private readonly XipSourceConfig _config;
    private readonly string _version;
    private readonly HostPaths _paths;
    private readonly ResumableDownload? _download;
    private XipDownloadJob? _job;

    public XipArchiveSource(XipSourceConfig config, string version, HostPaths paths, ResumableDownload? download)
    {
        _config = config;
        _version = version;
        _paths = paths;
        _download = download;
    }

    /// <summary>Where a downloaded archive is kept until it is installed (a host path under the state directory).</summary>
    public string DownloadedPath => $"{HostPaths.StateDirLocation}/downloads/Xcode-{_version}-{_config.Sha256[..12]}.xip";

    public async Task<XipReadiness> GetAsync(CancellationToken cancellationToken)
    {
        if (_config.Path is { } path)
        {
            return await CheckLocalAsync(path, cancellationToken);
        }

        var url = new Uri(_config.Url!);
        var reason = $"downloading Xcode {_version} from {url}";
        if (_job is null)
        {
            var download = _download ?? throw new InvalidOperationException("a URL source needs a downloader");
            var filePath = _paths.Resolve(DownloadedPath);
            _job = XipDownloadJob.Start(progress => download.RunAsync(url, _config.Sha256, filePath, progress, cancellationToken));
        }

        if (!_job.IsFinished)
        {
            var progress = _job.Progress();
            return new XipReadiness.NotYet(reason, _job.Checks == 1 ? FirstCheck : LaterChecks, progress);
        }

        var job = _job;
        _job = null; // a failed job is not looked at again: the next attempt starts (and resumes) a new one
        try
        {
            return await job.OutcomeAsync() switch
            {
                DownloadOutcome.Verified => new XipReadiness.Ready(DownloadedPath, Downloaded: true),
                DownloadOutcome.HashMismatch mismatch => new XipReadiness.Unusable(
                    $"the archive downloaded from {url} ({ByteText.Of(mismatch.Bytes)}) has SHA-256 {mismatch.ActualSha256}, not {_config.Sha256} as steps.xcode.xip.sha256 pins; "
                    + "the file was deleted, so a retry downloads it anew; if the mirror changed the file, fix the pin or the mirror",
                    Retryable: true),
                _ => throw new InvalidOperationException("unknown download outcome"),
            };
        }
        catch (DownloadException ex)
        {
            return new XipReadiness.Unusable(ex.Message, Retryable: true);
        }
    }

    private async Task<XipReadiness> CheckLocalAsync(string path, CancellationToken cancellationToken)
    {
        var filePath = _paths.Resolve(path);
        if (!File.Exists(filePath))
        {
            return new XipReadiness.NotYet($"waiting for the Xcode archive at {path} (steps.xcode.xip.path); copy it there, for example from MDM", MissingFileCheck, null);
        }

        string actual;
        await using (var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }

        return actual == _config.Sha256
            ? new XipReadiness.Ready(path, Downloaded: false)
            : new XipReadiness.Unusable(
                $"the archive at {path} has SHA-256 {actual}, not {_config.Sha256} as steps.xcode.xip.sha256 pins; replace the file or fix the pin, then `rig-bootstrap retry xcode`",
                Retryable: false);
    }
}
