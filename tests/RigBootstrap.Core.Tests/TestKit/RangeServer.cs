using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>
/// A small HTTP/1.1 file server on 127.0.0.1 for download tests (shared with the end-to-end tests): GET and HEAD of one
/// file, `Range: bytes=N-` answered with 206 and Content-Range when <see cref="SupportsRange"/> (honouring If-Range
/// against its strong ETag), else 200 with the whole file. It counts the body bytes it sent and can be throttled so a
/// test can act mid-download, on a condition ("N bytes served"), never after a guessed sleep; <see cref="PauseAt"/>
/// holds the body there until <see cref="Resume"/>, so a kill lands mid-download however slow the machine is.
/// </summary>
public sealed class RangeServer : IAsyncDisposable
{
    private const int Chunk = 16 * 1024;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<string> _requests = [];
    private readonly List<long> _bodyBytes = [];
    private long _bytesServed;
    private long _pauseAt = long.MaxValue;
    private int _paused;
    private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RangeServer(byte[] content, bool supportsRange = true, long bytesPerSecond = 0)
    {
        Content = content;
        SupportsRange = supportsRange;
        BytesPerSecond = bytesPerSecond;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public byte[] Content { get; set; }

    public bool SupportsRange { get; }

    /// <summary>Body bytes per second, 0 for as fast as the socket takes them.</summary>
    public long BytesPerSecond { get; set; }

    /// <summary>The ETag of the current content: changes when <see cref="Content"/> does.</summary>
    public string ETag => $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content))[..16]}\"";

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/Xcode_16.2.xip");

    public long BytesServed => Interlocked.Read(ref _bytesServed);

    /// <summary>
    /// Body bytes (over all requests) after which the server stops sending, mid-body and with the connection open,
    /// until <see cref="Resume"/>; null for never.
    /// </summary>
    public long? PauseAt
    {
        get => Interlocked.Read(ref _pauseAt) is var at && at == long.MaxValue ? null : at;
        set => Interlocked.Exchange(ref _pauseAt, value ?? long.MaxValue);
    }

    /// <summary>True while a body is held at <see cref="PauseAt"/>.</summary>
    public bool IsPaused => Volatile.Read(ref _paused) == 1;

    /// <summary>Lets a held body go on and pauses no more.</summary>
    public void Resume()
    {
        PauseAt = null;
        _resumed.TrySetResult();
    }

    /// <summary>Each request as "METHOD range-or-dash status".</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>
    /// The body bytes sent in answer to each request, in the order of <see cref="Requests"/>. A held body resumed after
    /// its client died may still hand a chunk to the socket: it counts here, on the request it belongs to.
    /// </summary>
    public IReadOnlyList<long> BodyBytes
    {
        get
        {
            lock (_requests)
            {
                return [.. _bodyBytes];
            }
        }
    }

    /// <summary>Waits until at least <paramref name="bytes"/> body bytes went out.</summary>
    public async Task WaitForBytesServedAsync(long bytes, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (BytesServed < bytes)
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var (method, headers) = await ReadRequestAsync(stream);
            if (method is null)
            {
                return;
            }

            var content = Content;
            long from = 0;
            var status = "200 OK";
            var extra = new StringBuilder();
            headers.TryGetValue("range", out var range);
            var ifRangeHolds = !headers.TryGetValue("if-range", out var ifRange) || ifRange == ETag;
            if (SupportsRange && range is not null && ifRangeHolds && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
                && long.TryParse(range["bytes=".Length..^1], out var start))
            {
                if (start >= content.Length)
                {
                    Record(method, range, 416);
                    await WriteAsync(stream, $"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{content.Length}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }

                from = start;
                status = "206 Partial Content";
                extra.Append(FormattableString.Invariant($"Content-Range: bytes {from}-{content.Length - 1}/{content.Length}\r\n"));
            }

            var request = Record(method, range, from > 0 || status.StartsWith("206", StringComparison.Ordinal) ? 206 : 200);
            if (SupportsRange)
            {
                extra.Append("Accept-Ranges: bytes\r\n");
            }

            await WriteAsync(stream, FormattableString.Invariant(
                $"HTTP/1.1 {status}\r\nContent-Length: {content.Length - from}\r\nETag: {ETag}\r\n{extra}Connection: close\r\n\r\n"));
            if (method == "HEAD")
            {
                return;
            }

            for (var offset = from; offset < content.Length; offset += Chunk)
            {
                var count = (int)Math.Min(Chunk, content.Length - offset);
                await stream.WriteAsync(content.AsMemory((int)offset, count), _stop.Token);
                lock (_requests)
                {
                    _bodyBytes[request] += count;
                }

                if (Interlocked.Add(ref _bytesServed, count) >= Interlocked.Read(ref _pauseAt))
                {
                    Volatile.Write(ref _paused, 1);
                    await _resumed.Task.WaitAsync(_stop.Token);
                    Volatile.Write(ref _paused, 0);
                }

                if (BytesPerSecond > 0)
                {
                    // A throttle, not a wait for a condition: it paces the bytes so a test can act mid-way.
                    await Task.Delay(TimeSpan.FromSeconds((double)count / BytesPerSecond), _stop.Token);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (killed mid-download) or the server stops.
        }
    }

    /// <summary>Records a request; returns its index in <see cref="Requests"/> and <see cref="BodyBytes"/>.</summary>
    private int Record(string method, string? range, int status)
    {
        lock (_requests)
        {
            _requests.Add($"{method} {range ?? "-"} {status}");
            _bodyBytes.Add(0);
            return _requests.Count - 1;
        }
    }

    private static async Task WriteAsync(NetworkStream stream, string text) => await stream.WriteAsync(Encoding.ASCII.GetBytes(text));

    private static async Task<(string? Method, Dictionary<string, string> Headers)> ReadRequestAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var buffer = new byte[1];
        while (!(bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(buffer) == 0 || bytes.Count > 16 * 1024)
            {
                return (null, []);
            }

            bytes.Add(buffer[0]);
        }

        var lines = Encoding.ASCII.GetString([.. bytes]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        return (lines[0].Split(' ')[0], headers);
    }
}
