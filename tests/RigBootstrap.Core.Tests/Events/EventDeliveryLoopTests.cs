using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Events;

public sealed class EventDeliveryLoopTests : IDisposable
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);

    private readonly TempHostRoot _root = new();
    private readonly TimerWatchingTimeProvider _time = new(SampleTransitions.Start);
    private readonly DeliverySignal _signal = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly EventOutbox _outbox;

    public EventDeliveryLoopTests() => _outbox = SampleTransitions.Open(_root);

    [Fact]
    public async Task What_earlier_runs_left_is_delivered_in_order_at_start()
    {
        for (var n = 1; n <= 3; n++)
        {
            SampleTransitions.Journal(_root, n);
        }

        var sender = new ScriptedEventSender();
        var reopened = SampleTransitions.Open(_root);

        var loop = Start(sender, reopened);
        await Eventually.HoldsAsync(() => reopened.PendingCount == 0, "the three leftover events delivered");
        await StopAsync(loop);

        sender.Sent.Select(e => e.Sequence).Should().Equal(1, 2, 3);
        SampleTransitions.Open(_root).Cursor.JournalLine.Should().Be(3);
    }

    [Fact]
    public async Task A_failed_event_is_resent_after_the_back_off_and_later_events_wait_for_it()
    {
        var sender = new ScriptedEventSender(DeliveryAttempt.Retry("HTTP 503"), DeliveryAttempt.Retry("connection refused"));
        SampleTransitions.Journal(_root, 1);
        SampleTransitions.Journal(_root, 2);

        var loop = Start(sender);
        await Eventually.HoldsAsync(() => sender.Calls == 1, "the first attempt");
        // The loop sleeps out its back-off on the fake clock: the timer it arms is the signal. FakeTimeProvider fires a
        // due timer inside Advance, so right after it, whether the back-off ended is known, not guessed.
        await _time.WhenArmed(1).WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(Initial / 2 - TimeSpan.FromTicks(1));
        var firedBeforeTheBackoffEnded = _time.TimersFired;
        var callsBeforeTheBackoffEnded = sender.Calls;
        await Eventually.HoldsAsync(() => _outbox.PendingCount == 0, "both events delivered", betweenChecks: () => _time.Advance(Initial));
        await StopAsync(loop);

        firedBeforeTheBackoffEnded.Should().Be(0, "the shortest possible back-off had not passed yet");
        callsBeforeTheBackoffEnded.Should().Be(1, "the shortest possible back-off had not passed yet");
        sender.Sent.Select(e => e.Sequence).Should().Equal(1, 1, 1, 2);
    }

    [Fact]
    public async Task A_rejected_event_is_dropped_with_a_warning_and_the_next_one_is_delivered()
    {
        var sender = new ScriptedEventSender(DeliveryAttempt.Rejected("HTTP 422"));
        var logger = new RecordingLogger();
        SampleTransitions.Journal(_root, 1);
        SampleTransitions.Journal(_root, 2);

        var loop = Start(sender, logger: logger);
        await Eventually.HoldsAsync(() => _outbox.PendingCount == 0, "both events leave the outbox");
        await StopAsync(loop);

        sender.Sent.Select(e => e.Sequence).Should().Equal(1, 2);
        logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning && e.Message.Contains("mini-07:com.rig.bootstrap:1") && e.Message.Contains("HTTP 422"));
    }

    [Fact]
    public async Task An_idle_loop_wakes_when_an_event_is_appended()
    {
        var sender = new ScriptedEventSender();
        var listener = new OutboxJournalListener(_signal);
        var loop = Start(sender);
        await Task.Delay(50);

        SampleTransitions.Journal(_root, 1);
        listener.OnAppended(SampleTransitions.StepEntry(1), SampleTransitions.State());
        await Eventually.HoldsAsync(() => sender.Calls == 1, "delivery of the appended event, without any time passing");
        await StopAsync(loop);

        sender.Sent.Should().ContainSingle().Which.Step.Should().Be("step-1");
    }

    [Fact]
    public async Task Cancelling_during_a_back_off_ends_the_loop_quietly_and_keeps_the_event()
    {
        var sender = new ScriptedEventSender(DeliveryAttempt.Retry("HTTP 500"));
        SampleTransitions.Journal(_root, 1);
        var loop = Start(sender);
        await Eventually.HoldsAsync(() => sender.Calls == 1, "the first attempt");

        await _stop.CancelAsync();

        await loop.Invoking(async l => await l).Should().NotThrowAsync();
        SampleTransitions.Open(_root).Pending().Should().ContainSingle();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _root.Dispose();
    }

    private Task Start(IEventSender sender, EventOutbox? outbox = null, ILogger? logger = null)
    {
        var loop = new EventDeliveryLoop(outbox ?? _outbox, sender, _signal, new RetryBackoff(Initial, TimeSpan.FromSeconds(8), new Random(3)), _time, logger ?? NullLogger.Instance);
        return Task.Run(() => loop.RunAsync(_stop.Token));
    }

    private async Task StopAsync(Task loop)
    {
        await _stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
