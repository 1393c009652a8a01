using Microsoft.Extensions.Logging;

namespace RigBootstrap.Core.Events;

/// <summary>
/// Delivers the outbox (the journal's moves) in order, one event at a time, beside the workflow (which never awaits
/// it): sleeps until a journal append when idle, backs off after a failure, and returns when canceled.
/// </summary>
public sealed class EventDeliveryLoop
{
    private readonly EventOutbox _outbox;
    private readonly IEventSender _sender;
    private readonly DeliverySignal _signal;
    private readonly RetryBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeliverySignal? _progress;

    /// <param name="progress">Notified after every attempt, so a waiter for an empty outbox wakes without polling.</param>
    public EventDeliveryLoop(EventOutbox outbox, IEventSender sender, DeliverySignal signal, RetryBackoff backoff, TimeProvider time, ILogger logger, DeliverySignal? progress = null)
    {
        _progress = progress;
        _outbox = outbox;
        _sender = sender;
        _signal = signal;
        _backoff = backoff;
        _time = time;
        _logger = logger;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var appended = _signal.NextNotification();
                var next = _outbox.Pending().FirstOrDefault();
                if (next is null)
                {
                    await appended.WaitAsync(cancellationToken);
                    continue;
                }

                var problem = await DeliverAsync(next, cancellationToken);
                failures = problem is null ? 0 : failures + 1;
                if (problem is not null)
                {
                    var delay = _backoff.DelayAfter(failures);
                    RecordFailure(problem, _time.GetUtcNow() + delay);
                    _progress?.Notify();
                    // Only the back-off ends this wait, not new appends: otherwise a busy workflow would hammer a
                    // receiver that is down at the workflow's pace.
                    await Task.Delay(delay, _time, cancellationToken);
                }
                else
                {
                    _progress?.Notify();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Canceled is how the loop ends; what is undelivered stays in the outbox for the next run.
        }
    }

    /// <summary>Null when the event left the outbox (delivered, or dropped as poison); otherwise why, to back off and resend.</summary>
    private async Task<string?> DeliverAsync(TransitionEvent transition, CancellationToken cancellationToken)
    {
        var attempt = await _sender.SendAsync(transition, cancellationToken);
        switch (attempt.Outcome)
        {
            case DeliveryOutcome.Delivered:
                _logger.LogDebug("Event {EventId} delivered ({Detail})", transition.Id, attempt.Detail);
                return TryMarkDelivered(transition);
            case DeliveryOutcome.Rejected:
                _logger.LogWarning("Event {EventId} ({From} -> {To}) rejected by the receiver ({Detail}); dropped, resending the same payload cannot succeed",
                    transition.Id, transition.From, transition.To, attempt.Detail);
                return TryMarkDelivered(transition);
            default:
                _logger.LogInformation("Event {EventId} not delivered ({Detail}); {Pending} waiting, will retry", transition.Id, attempt.Detail, _outbox.PendingCount);
                return attempt.Detail;
        }
    }

    private string? TryMarkDelivered(TransitionEvent transition)
    {
        try
        {
            _outbox.MarkDelivered(transition);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cursor did not move, so the event will be sent again: a duplicate the receiver drops by id.
            _logger.LogWarning("Event {EventId} delivered but the cursor could not be saved: {Problem}", transition.Id, ex.Message);
            return $"the cursor could not be saved: {ex.Message}";
        }
    }

    private void RecordFailure(string problem, DateTimeOffset nextTryAt)
    {
        try
        {
            _outbox.RecordFailure(problem, nextTryAt);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only `status` reads this; delivery goes on without it.
            _logger.LogWarning("Event delivery status could not be saved: {Problem}", ex.Message);
        }
    }
}
