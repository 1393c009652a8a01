using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>A minimal HTTP receiver on 127.0.0.1 that answers every request 200 and keeps the request bodies.</summary>
public sealed class EventReceiver : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _bodies = [];
    private readonly Task _loop;

    public EventReceiver()
    {
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/events");

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
            lock (_bodies)
            {
                _bodies.Add(request);
            }

            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
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
