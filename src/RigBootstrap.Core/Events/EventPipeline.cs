using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Events;

/// <summary>
/// The outbox (the journal from the delivery cursor), the journal listener that wakes delivery, and the delivery
/// loop for one `run`, and the loop's lifetime: it holds the outbox lock, starts delivering what earlier boots left
/// at once, and stops after a bounded drain, or after `Completed` once everything is delivered or the deadline passed.
/// </summary>
public sealed class EventPipeline : IAsyncDisposable
{
    private static readonly TimeSpan DrainPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly ExclusiveFileLock _outboxLock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _delivery;
    private readonly DeliverySignal _progress;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _stopped;

    private EventPipeline(ExclusiveFileLock outboxLock, EventOutbox outbox, IJournalListener listener, EventDeliveryLoop loop, DeliverySignal progress, TimeProvider time, ILogger logger)
    {
        _outboxLock = outboxLock;
        _progress = progress;
        Outbox = outbox;
        Listener = listener;
        _time = time;
        _logger = logger;
        _delivery = Task.Run(() => loop.RunAsync(_stop.Token));
    }

    public EventOutbox Outbox { get; }

    /// <summary>Add this to <c>HostServices.JournalListeners</c>.</summary>
    public IJournalListener Listener { get; }

    /// <summary>
    /// Takes the outbox lock (so one process appends and delivers: docs/invariants.md I4), opens the outbox and starts delivery.
    /// Throws <see cref="LockBusyException"/> when another run keeps the outbox past <see cref="EventDeliveryOptions.LockWait"/>.
    /// </summary>
    public static async Task<EventPipeline> StartAsync(
        HostPaths paths, string hostName, string label, IEventSender sender, TimeProvider time, ILoggerFactory loggerFactory, EventDeliveryOptions options,
        CancellationToken cancellationToken, string? receiver = null)
    {
        var outboxPaths = OutboxPaths.For(paths);
        var outboxLock = await ExclusiveFileLock.TryAcquireAsync(outboxPaths.LockPath, options.LockWait, time, cancellationToken)
            ?? throw new LockBusyException($"another rig-bootstrap run holds {outboxPaths.LockPath}; nothing was changed");
        var started = false;
        try
        {
            var logger = loggerFactory.CreateLogger<EventPipeline>();
            var outbox = EventOutbox.Open(paths, hostName, label, loggerFactory.CreateLogger<EventOutbox>(), receiver);
            var signal = new DeliverySignal();
            var listener = new OutboxJournalListener(signal);
            var backoff = new RetryBackoff(options.InitialBackoff, options.MaxBackoff, new Random());
            var progress = new DeliverySignal();
            var loop = new EventDeliveryLoop(outbox, sender, signal, backoff, time, loggerFactory.CreateLogger<EventDeliveryLoop>(), progress);
            logger.LogInformation("Event delivery started; {Pending} events from earlier runs waiting", outbox.PendingCount);
            var pipeline = new EventPipeline(outboxLock, outbox, listener, loop, progress, time, logger);
            started = true;
            return pipeline;
        }
        finally
        {
            if (!started)
            {
                outboxLock.Dispose();
            }
        }
    }

    /// <summary>
    /// After `Completed`: waits, for as long as it takes up to <paramref name="deadline"/>, until every event is
    /// delivered. Null when they all were; otherwise the cursor that records, durably, what was given up.
    /// </summary>
    public async Task<DeliveryCursor?> DeliverAllAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Taken before looking, so an attempt that ends between the look and the wait still wakes us.
            var attempted = _progress.NextNotification();
            if (Outbox.PendingCount == 0)
            {
                return null;
            }

            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero || _delivery.IsCompleted)
            {
                // The loop stops first, so no later attempt overwrites what is recorded here.
                await StopLoopAsync();
                var cursor = Outbox.RecordGaveUp(_time.GetUtcNow());
                _logger.LogWarning("Event delivery gave up: {Pending} events never delivered to {Receiver}; last error {Error}",
                    cursor.Pending, cursor.Receiver, cursor.LastError);
                return cursor;
            }

            try
            {
                await attempted.WaitAsync(left, _time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The deadline: looked at once more above.
            }
        }
    }

    /// <summary>
    /// Gives delivery up to <paramref name="drainFor"/> to empty the outbox, then stops the loop and releases the
    /// lock. Whatever is left stays in the outbox for the next run. Safe to call more than once.
    /// </summary>
    public async Task StopAsync(TimeSpan drainFor, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            var start = _time.GetTimestamp();
            while (Outbox.PendingCount > 0 && !_delivery.IsCompleted && _time.GetElapsedTime(start) < drainFor && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(DrainPollInterval, _time, CancellationToken.None);
            }

            await StopLoopAsync();
        }
        finally
        {
            _outboxLock.Dispose();
            _stop.Dispose();
        }

        _logger.LogInformation("Event delivery stopped; {Pending} events left for the next run", Outbox.PendingCount);
    }

    public async ValueTask DisposeAsync() => await StopAsync(TimeSpan.Zero, CancellationToken.None);

    private async Task StopLoopAsync()
    {
        try
        {
            await _stop.CancelAsync();
            await _delivery;
        }
        catch (Exception ex) when (_delivery.IsFaulted)
        {
            // A bug in delivery must not change the run's outcome or exit code: launchd would respawn a failed run.
            _logger.LogError(ex, "Event delivery failed; {Pending} events stay in the outbox for the next run", Outbox.PendingCount);
        }
    }
}
