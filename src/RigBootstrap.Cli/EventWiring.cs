using RigBootstrap.Core.Config;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Cli;

/// <summary>
/// With `events.url` set, transitions go to a durable outbox and a loop beside the workflow delivers them for as
/// long as the process lives (the workflow never waits for it), starting with what earlier boots left. After
/// `Completed` the cleanup waits for delivery, for at most events.deliverFor from `Completed` (docs/events.md).
/// </summary>
public sealed class EventWiring : IAsyncDisposable
{
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http;
    private readonly EventPipeline _pipeline;

    private EventWiring(HttpClient http, EventPipeline pipeline)
    {
        _http = http;
        _pipeline = pipeline;
    }

    /// <summary>Null when the config has no events.url; otherwise the services gain the outbox listener and delivery before the cleanup.</summary>
    public static async Task<(EventWiring? Wiring, HostServices Services)> StartAsync(HostServices services, BootstrapConfig? config, CancellationToken cancellationToken)
    {
        if (config?.Events is not { Url: { } url } events)
        {
            return (null, services);
        }

        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // EventSender applies its own per-request timeout
        };
        var options = new EventDeliveryOptions();
        var pipeline = await EventPipeline.StartAsync(
            services.Paths, Environment.MachineName, config.Label, new EventSender(http, url, options.RequestTimeout, services.Time),
            services.Time, services.LoggerFactory, options, cancellationToken, receiver: url.Host);
        var wiring = new EventWiring(http, pipeline);
        return (wiring, services with
        {
            JournalListeners = services.JournalListeners.Add(pipeline.Listener),
            // Removing ourselves ends delivery for good: every event first (Completed among them), or deliverFor runs out.
            BeforeCleanupAsync = async (state, ct) =>
                await pipeline.DeliverAllAsync(state.Workflow.Since + events.DeliverFor, ct) is { } lost ? DeliveryText.Lost(lost) : null,
        });
    }

    public Task DrainAsync(CancellationToken cancellationToken) => _pipeline.StopAsync(DrainGrace, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        _http.Dispose();
    }
}
