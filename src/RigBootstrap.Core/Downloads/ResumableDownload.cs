using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Downloads;

/// <summary>
/// Downloads one pinned file into <c>FILE.partial</c> with HTTP Range requests (RFC 9110 §14), so a crash or reboot
/// resumes where the bytes on disk end, and renames it to <c>FILE</c> only once its SHA-256 matches: the final name
/// means verified. A resumed request carries If-Range with the server's validator, so a changed entity comes back
/// whole (200) and starts over instead of splicing two versions; a server that ignores Range does the same.
/// </summary>
public sealed class ResumableDownload
{
    private const int BufferSize = 256 * 1024;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(1);

    // A connection that delivers nothing for this long is dropped; the next try resumes from the bytes on disk.
    private static readonly TimeSpan StallTimeout = TimeSpan.FromMinutes(2);

    private readonly HttpClient _client;
    private readonly TimeProvider _time;

    public ResumableDownload(HttpClient client, TimeProvider time)
    {
        _client = client;
        _time = time;
    }

    public static string PartialPathOf(string filePath) => filePath + ".partial";

    public static string SidecarPathOf(string filePath) => filePath + ".partial.json";

    public async Task<DownloadOutcome> RunAsync(Uri url, string sha256, string filePath, Action<DownloadProgress> progress, CancellationToken cancellationToken)
    {
        if (File.Exists(filePath))
        {
            // Renamed to its final name only after its hash matched.
            return new DownloadOutcome.Verified(filePath, new FileInfo(filePath).Length);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        var partialPath = PartialPathOf(filePath);
        var sidecarPath = SidecarPathOf(filePath);
        var known = ReadSidecar(sidecarPath);
        if (known is null || known.Url != url.AbsoluteUri || known.Sha256 != sha256)
        {
            // Bytes of another URL or another pin, or of an unknown origin: never splice them into this one.
            File.Delete(partialPath);
            known = null;
        }

        var session = new Session(this, url, sha256, partialPath, sidecarPath, progress);
        try
        {
            return await session.RunAsync(known, filePath, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DownloadException(
                $"the download of {url} stopped at {ByteText.Of(session.BytesDone)}{(session.Total is { } total ? $" of {ByteText.Of(total)}" : "")}: {ex.Message}; the next try resumes from there",
                ex);
        }
    }

    private static PartialDownload? ReadSidecar(string sidecarPath)
    {
        try
        {
            return File.Exists(sidecarPath) ? JsonSerializer.Deserialize(File.ReadAllText(sidecarPath), DownloadJsonContext.Default.PartialDownload) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One attempt: rehash what is on disk, ask for the rest, append, verify.</summary>
    private sealed class Session(ResumableDownload owner, Uri url, string sha256, string partialPath, string sidecarPath, Action<DownloadProgress> progress)
    {
        private IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _receivedThisRun;
        private DateTimeOffset? _firstByteAt;
        private DateTimeOffset _lastReport = DateTimeOffset.MinValue;

        public long BytesDone { get; private set; }

        public long? Total { get; private set; }

        public async Task<DownloadOutcome> RunAsync(PartialDownload? known, string filePath, CancellationToken cancellationToken)
        {
            using var _ = _hash;
            BytesDone = known is null ? 0 : await RehashAsync(cancellationToken);
            Total = known?.TotalBytes;
            Report(force: true);
            var response = await RequestAsync(BytesDone > 0 ? known : null, cancellationToken);
            try
            {
                if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && Total == BytesDone)
                {
                    // Everything was on disk already (a crash between the last byte and the rename).
                }
                else
                {
                    if (response.StatusCode == HttpStatusCode.OK && BytesDone > 0)
                    {
                        // 200 to a Range request: the server ignores Range, or If-Range found a changed entity. The
                        // body is the whole file: start over with it.
                        Restart();
                    }

                    if (!StartsWhereWeAre(response))
                    {
                        // A range that does not start at our end (or a 416 with bytes we cannot account for).
                        response.Dispose();
                        Restart();
                        response = await RequestAsync(null, cancellationToken);
                        if (!StartsWhereWeAre(response))
                        {
                            throw new DownloadException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}; check steps.xcode.xip.url");
                        }
                    }

                    RecordSidecar(response);
                    await AppendBodyAsync(response, cancellationToken);
                }
            }
            finally
            {
                response.Dispose();
            }

            Report(force: true);
            if (Total is { } total && BytesDone != total)
            {
                throw new IOException($"the server ended the body after {BytesDone} of {total} bytes");
            }

            var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
            File.Delete(sidecarPath);
            if (actual != sha256)
            {
                File.Delete(partialPath);
                return new DownloadOutcome.HashMismatch(actual, BytesDone);
            }

            File.Move(partialPath, filePath);
            DurableFile.SyncDirectory(Path.GetDirectoryName(filePath)!);
            return new DownloadOutcome.Verified(filePath, BytesDone);
        }

        private bool StartsWhereWeAre(HttpResponseMessage response) => response.StatusCode switch
        {
            HttpStatusCode.OK => BytesDone == 0,
            HttpStatusCode.PartialContent => response.Content.Headers.ContentRange is { From: { } from } && from == BytesDone,
            _ => false,
        };

        private async Task<HttpResponseMessage> RequestAsync(PartialDownload? resumeFrom, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (resumeFrom is not null)
            {
                request.Headers.Range = new RangeHeaderValue(BytesDone, null);
                if (resumeFrom.Validator is { } validator)
                {
                    request.Headers.IfRange = validator.StartsWith('"')
                        ? new RangeConditionHeaderValue(EntityTagHeaderValue.Parse(validator))
                        : new RangeConditionHeaderValue(DateTimeOffset.Parse(validator, CultureInfo.InvariantCulture));
                }
            }

            var response = await owner._client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.PartialContent or HttpStatusCode.RequestedRangeNotSatisfiable))
            {
                response.Dispose();
                throw new DownloadException($"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}; check steps.xcode.xip.url and that the mirror serves it");
            }

            return response;
        }

        private void RecordSidecar(HttpResponseMessage response)
        {
            Total = response.StatusCode == HttpStatusCode.PartialContent ? response.Content.Headers.ContentRange?.Length : response.Content.Headers.ContentLength;
            // A weak ETag does not promise byte-identical content (RFC 9110 §8.8.3), so it cannot validate a range.
            var validator = response.Headers.ETag is { IsWeak: false } etag ? etag.ToString()
                : response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture);
            var sidecar = new PartialDownload { Url = url.AbsoluteUri, Sha256 = sha256, Validator = validator, TotalBytes = Total };
            DurableFile.WriteAtomically(sidecarPath, JsonSerializer.Serialize(sidecar, DownloadJsonContext.Default.PartialDownload), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        private async Task AppendBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            await using var file = new FileStream(partialPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, BufferSize);
            file.SetLength(BytesDone);
            file.Seek(BytesDone, SeekOrigin.Begin);
            using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, owner._time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[BufferSize];
            while (true)
            {
                stall.CancelAfter(StallTimeout);
                var read = await body.ReadAsync(buffer, linked.Token);
                if (read == 0)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                _hash.AppendData(buffer, 0, read);
                BytesDone += read;
                _receivedThisRun += read;
                _firstByteAt ??= owner._time.GetUtcNow();
                if (Report(force: false))
                {
                    // Durable at the pace of the progress reports: a power cut loses at most a second's bytes.
                    file.Flush(flushToDisk: true);
                }
            }

            file.Flush(flushToDisk: true);
        }

        private void Restart()
        {
            _hash.Dispose();
            _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            BytesDone = 0;
            Total = null;
            File.Delete(partialPath);
        }

        private async Task<long> RehashAsync(CancellationToken cancellationToken)
        {
            if (!File.Exists(partialPath))
            {
                return 0;
            }

            await using var file = new FileStream(partialPath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
            var buffer = new byte[BufferSize];
            long total = 0;
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                _hash.AppendData(buffer, 0, read);
                total += read;
            }

            return total;
        }

        private bool Report(bool force)
        {
            var now = owner._time.GetUtcNow();
            if (!force && now - _lastReport < ProgressEvery)
            {
                return false;
            }

            _lastReport = now;
            var elapsed = _firstByteAt is { } first ? now - first : TimeSpan.Zero;
            long? rate = elapsed > TimeSpan.FromMilliseconds(500) ? (long)(_receivedThisRun / elapsed.TotalSeconds) : null;
            progress(new DownloadProgress { BytesDone = BytesDone, BytesTotal = Total, BytesPerSecond = rate, At = now });
            return true;
        }
    }
}
