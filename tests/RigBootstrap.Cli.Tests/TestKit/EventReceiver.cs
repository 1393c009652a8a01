using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// A minimal HTTP receiver on 127.0.0.1 that answers every request with <see cref="StatusCode"/> (200 unless a test
/// takes it down with 503) and keeps the request bodies, with what it answered each.
/// </summary>
public sealed class EventReceiver : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _bodies = [];
    private readonly List<(string Body, int Status)> _answered = [];
    private readonly Task _loop;
    private volatile int _statusCode = 200;

    public EventReceiver()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/events");

    /// <summary>What the next requests are answered: 200 takes the events, 503 plays a receiver that is down.</summary>
    public int StatusCode
    {
        get => _statusCode;
        set => _statusCode = value;
    }

    /// <summary>Every request in order with the status it got.</summary>
    public IReadOnlyList<(string Body, int Status)> Answered
    {
        get
        {
            lock (_bodies)
            {
                return [.. _answered];
            }
        }
    }

    /// <summary>Requests answered with something other than 200.</summary>
    public int Refused => Answered.Count(a => a.Status != 200);

    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_bodies)
            {
                return [.. _bodies];
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener; its exception is expected here.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            var request = await ReadRequestAsync(stream);
            var status = _statusCode;
            lock (_bodies)
            {
                _bodies.Add(request);
                _answered.Add((request, status));
            }

            var reason = status == 200 ? "OK" : "Service Unavailable";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        }
    }

    private static async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            var text = Encoding.UTF8.GetString(buffer.ToArray());
            var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (headerEnd >= 0)
            {
                var lengthLine = text[..headerEnd].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                var length = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                if (buffer.Count >= headerEnd + 4 + length)
                {
                    return Encoding.UTF8.GetString(buffer.ToArray(), headerEnd + 4, length);
                }
            }

            var read = await stream.ReadAsync(chunk);
            if (read == 0)
            {
                return Encoding.UTF8.GetString(buffer.ToArray());
            }

            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }
    }
}
