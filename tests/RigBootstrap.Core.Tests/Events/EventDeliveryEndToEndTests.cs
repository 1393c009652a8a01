using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>The outbox, listener, sender and loop together against a real HTTP receiver on 127.0.0.1.</summary>
public sealed class EventDeliveryEndToEndTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private readonly TempHostRoot _root = new();
    private readonly FlakyEventReceiver _receiver = FlakyEventReceiver.Reserve();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly DeliverySignal _signal = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly EventOutbox _outbox;
    private readonly OutboxJournalListener _listener;
    private Task _delivery = Task.CompletedTask;

    public EventDeliveryEndToEndTests(ITestOutputHelper output)
    {
        _output = output;
        _outbox = SampleTransitions.Open(_root);
        _listener = new OutboxJournalListener(_signal);
    }

    [Fact]
    public async Task Every_event_reaches_a_receiver_that_refused_failed_and_stalled_exactly_once_and_in_order()
    {
        var sender = StartDelivery(requestTimeout: TimeSpan.FromMilliseconds(500));

        // Down: nothing listens on the port.
        Append(1, 5);
        await Eventually.HoldsAsync(() => sender.Count(a => a.Detail.Contains("refused", StringComparison.OrdinalIgnoreCase)) >= 3, "three refused connections");
        // Up, but answering 500.
        _receiver.Start(ReceiverMode.Failing);
        Append(6, 10);
        await Eventually.HoldsAsync(() => _receiver.Failed >= 3, "three 500 answers");
        // Taking events and never answering: only the sender's timeout gets delivery going again.
        _receiver.Mode = ReceiverMode.Stalling;
        await Eventually.HoldsAsync(() => sender.Count(a => a.Detail.StartsWith("no answer")) >= 2, "two requests timed out");
        // Back for good.
        _receiver.Mode = ReceiverMode.Accepting;
        Append(11, 15);
        await Eventually.HoldsAsync(() => _outbox.PendingCount == 0, "the outbox drained");

        _output.WriteLine($"delivered {_receiver.Accepted.Length}, duplicates {_receiver.Duplicates}, " +
            $"refused {sender.Count(a => a.Detail.Contains("refused", StringComparison.OrdinalIgnoreCase))}, 500s {_receiver.Failed}, stalled {_receiver.Stalled}");
        _receiver.Accepted.Should().Equal(SampleTransitions.Ids(15), "every event is taken once, in sequence order");
        _receiver.Duplicates.Should().BeGreaterThanOrEqualTo(1, "an event whose answer was lost in a stall is sent again");
        _receiver.Problems.Should().BeEmpty();
        SampleTransitions.Open(_root).Cursor.JournalLine.Should().Be(15);
    }

    [Fact]
    public async Task Appending_does_not_wait_for_a_stalled_receiver()
    {
        var requestTimeout = TimeSpan.FromSeconds(30);
        _receiver.Start(ReceiverMode.Stalling);
        StartDelivery(requestTimeout);
        Append(1, 1);
        await Eventually.HoldsAsync(() => _receiver.Stalled == 1, "the first request hanging in the receiver");

        var stopwatch = Stopwatch.StartNew();
        Append(2, 50);
        stopwatch.Stop();

        _output.WriteLine($"49 appends took {stopwatch.ElapsedMilliseconds} ms while one request hung");
        stopwatch.Elapsed.Should().BeLessThan(requestTimeout / 3, "no append waits for the network");
        _outbox.Pending()[^1].Sequence.Should().Be(50);
        _outbox.PendingCount.Should().Be(50, "nothing was answered");
        _receiver.Stalled.Should().Be(1, "the loop still waits on its one request");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _delivery.WaitAsync(TimeSpan.FromSeconds(10));
        await _receiver.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
        _root.Dispose();
    }

    private CountingEventSender StartDelivery(TimeSpan requestTimeout)
    {
        var sender = new CountingEventSender(new EventSender(_http, _receiver.Url, requestTimeout, TimeProvider.System));
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200), new Random(7));
        var loop = new EventDeliveryLoop(_outbox, sender, _signal, backoff, TimeProvider.System, NullLogger.Instance);
        _delivery = Task.Run(() => loop.RunAsync(_stop.Token));
        return sender;
    }

    private void Append(int first, int last)
    {
        for (var n = first; n <= last; n++)
        {
            SampleTransitions.Journal(_root, n);
            _listener.OnAppended(SampleTransitions.StepEntry(n), SampleTransitions.State());
        }
    }
}
