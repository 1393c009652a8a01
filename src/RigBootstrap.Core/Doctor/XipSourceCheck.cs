using System.Collections.Immutable;
using System.Globalization;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Downloads;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// The configured Xcode archive: reachable (an HTTP HEAD for a URL; exists and readable for a path), and the free
/// space its install needs on the volume: the archive itself, when it still has to be downloaded, plus its expansion.
/// </summary>
public sealed class XipSourceCheck : IDoctorCheck
{
    /// <summary>
    /// Space for the expanded bundle, as a multiple of the archive: an Xcode expands to about 1.3 times its .xip (12.6
    /// GB downloaded, 16 GB installed: seanshpark/macOS #16); twice leaves room for APFS, which refuses expansions with
    /// well over that free (XcodesOrg/xcodes #155). docs/adr/0003-xip-download.md.
    /// </summary>
    public const int ExpansionFactor = 2;

    private static readonly TimeSpan HeadTimeout = TimeSpan.FromSeconds(15);

    private readonly HostPaths _paths;
    private readonly XipSourceConfig _xip;
    private readonly Func<HttpClient> _http;
    private readonly TimeProvider _time;
    private readonly Func<string, long> _freeBytes;

    public XipSourceCheck(HostPaths paths, XipSourceConfig xip, Func<HttpClient> http, TimeProvider time, Func<string, long>? freeBytes = null)
    {
        _paths = paths;
        _xip = xip;
        _http = http;
        _time = time;
        // DriveInfo asks statvfs about the path itself, so any directory on the volume will do.
        _freeBytes = freeBytes ?? (dirPath => new DriveInfo(dirPath).AvailableFreeSpace);
    }

    public string Name => "xip";

    public async Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var (reachable, size) = _xip.Url is { } url ? await HeadAsync(new Uri(url), cancellationToken) : Local(_xip.Path!);
        if (size is not { } archiveBytes)
        {
            return [reachable];
        }

        var toDownload = _xip.Url is null ? 0 : archiveBytes;
        var needed = toDownload + (ExpansionFactor * archiveBytes);
        var free = _freeBytes(_paths.RootDirPath);
        var space = free >= needed
            ? DoctorFinding.Ok(Name, $"{ByteText.Of(free)} free; the Xcode install needs about {ByteText.Of(needed)} ({Breakdown(toDownload, archiveBytes)})")
            : DoctorFinding.Problem(Name,
                $"{ByteText.Of(free)} free, but the Xcode install needs about {ByteText.Of(needed)} ({Breakdown(toDownload, archiveBytes)})",
                "free space on the volume of /Applications and the state directory (old Xcodes, ~/Library/Developer/Xcode/DerivedData) before the xcode step runs");
        return [reachable, space];
    }

    private static string Breakdown(long toDownload, long archiveBytes) =>
        (toDownload > 0 ? $"the {ByteText.Of(toDownload)} archive, plus " : "") + $"{ExpansionFactor} times it for the expanded bundle";

    private (DoctorFinding Finding, long? Bytes) Local(string path)
    {
        var filePath = _paths.Resolve(path);
        if (!File.Exists(filePath))
        {
            return (DoctorFinding.Warning(Name, $"steps.xcode.xip.path {path} does not exist yet", "copy the Xcode .xip there (for example from MDM); the xcode step waits for it"), null);
        }

        try
        {
            using var _ = File.OpenRead(filePath);
        }
        catch (UnauthorizedAccessException)
        {
            return (DoctorFinding.Problem(Name, $"steps.xcode.xip.path {path} exists but cannot be read", $"make it readable by root (chmod 644 {path})"), null);
        }

        var bytes = new FileInfo(filePath).Length;
        return (DoctorFinding.Ok(Name, $"steps.xcode.xip.path {path} is readable ({ByteText.Of(bytes)})"), bytes);
    }

    private async Task<(DoctorFinding Finding, long? Bytes)> HeadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(HeadTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var client = _http();
            using var request = new HttpRequestMessage(HttpMethod.Head, url);
            using var response = await client.SendAsync(request, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (DoctorFinding.Problem(Name, $"HEAD {url} answered {(int)response.StatusCode} {response.ReasonPhrase}",
                    "check steps.xcode.xip.url and that the mirror serves the archive to this host"), null);
            }

            var bytes = response.Content.Headers.ContentLength;
            var ranges = response.Headers.AcceptRanges.Contains("bytes") ? "resumable (Accept-Ranges: bytes)" : "not announced as resumable: an interrupted download starts over";
            return (DoctorFinding.Ok(Name, string.Create(CultureInfo.InvariantCulture,
                $"HEAD {url}: {(int)response.StatusCode}, {(bytes is { } b ? ByteText.Of(b) : "size not given")}, {ranges}")), bytes);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (DoctorFinding.Problem(Name, $"HEAD {url} failed: {(timeout.IsCancellationRequested ? $"no answer within {HeadTimeout.TotalSeconds:0} s" : ex.Message)}",
                "check steps.xcode.xip.url, the network and the proxy of this host"), null);
        }
    }
}
