using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 that can be down (nothing listens: connection refused), failing (500),
/// stalling (takes the event, never answers) or accepting (200). It de-duplicates by id, as a real receiver
/// should, and counts the duplicates it saw.
/// </summary>
public sealed class FlakyEventReceiver : IAsyncDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private readonly List<string> _accepted = [];
    private readonly List<string> _problems = [];
    private readonly List<Task> _connections = [];
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private int _failed;
    private int _stalled;
    private int _duplicates;
    private volatile ReceiverMode _mode;

    private FlakyEventReceiver(int port) => Port = port;

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/events");

    public ReceiverMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    public int Failed => Volatile.Read(ref _failed);

    public int Stalled => Volatile.Read(ref _stalled);

    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Ids in the order they were first taken; each id once.</summary>
    public ImmutableArray<string> Accepted
    {
        get { lock (_gate) { return [.. _accepted]; } }
    }

    /// <summary>Requests that broke the contract (method, content type, Idempotency-Key against the body's id).</summary>
    public ImmutableArray<string> Problems
    {
        get { lock (_gate) { return [.. _problems]; } }
    }

    /// <summary>Picks a free port and leaves it closed: until <see cref="Start"/>, connections are refused.</summary>
    public static FlakyEventReceiver Reserve()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FlakyEventReceiver(port);
    }

    public void Start(ReceiverMode mode)
    {
        Mode = mode;
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _acceptLoop = AcceptAsync(_listener, _shutdown.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        _listener?.Stop();
        Task[] running;
        lock (_gate)
        {
            running = [.. _connections, .. _acceptLoop is null ? [] : new[] { _acceptLoop }];
        }

        // Bounded: a connection task ends on shutdown, and a hung one must not hang the test run.
        await Task.WhenAny(Task.WhenAll(running), Task.Delay(TimeSpan.FromSeconds(5)));
        _shutdown.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                lock (_gate)
                {
                    _connections.Add(Task.Run(() => ServeAsync(client, cancellationToken)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown.
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var _ = client;
        var stream = client.GetStream();
        try
        {
            if (await RawHttpRequest.ReadAsync(stream, cancellationToken) is not { } request)
            {
                return;
            }

            switch (Mode)
            {
                case ReceiverMode.Failing:
                    Interlocked.Increment(ref _failed);
                    await RespondAsync(stream, 500, cancellationToken);
                    break;
                case ReceiverMode.Stalling:
                    Take(request);
                    Interlocked.Increment(ref _stalled);
                    // Never answer; the connection ends when the sender gives up and closes it.
                    while (await stream.ReadAsync(new byte[256], cancellationToken) > 0)
                    {
                    }

                    break;
                default:
                    Take(request);
                    await RespondAsync(stream, 200, cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The sender closed the connection (its timeout), or the receiver is shutting down.
        }
    }

    private void Take(RawHttpRequest request)
    {
        var id = IdOf(request.Body);
        lock (_gate)
        {
            if (request.Method != "POST" || request.Header("Content-Type") != "application/json" || request.Header("Idempotency-Key") != id)
            {
                _problems.Add($"{request.Method} {request.Header("Content-Type")} key={request.Header("Idempotency-Key")} id={id}");
            }

            if (_accepted.Contains(id))
            {
                _duplicates++;
            }
            else
            {
                _accepted.Add(id);
            }
        }
    }

    private static string IdOf(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString() ?? "(null id)";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Recorded as an id no event has, so the test fails on content rather than hanging.
            return $"(unreadable body: {ex.Message})";
        }
    }

    private static async Task RespondAsync(NetworkStream stream, int status, CancellationToken cancellationToken)
    {
        var text = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Internal Server Error")}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }
}
