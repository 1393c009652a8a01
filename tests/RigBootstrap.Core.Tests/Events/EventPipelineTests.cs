using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Events;

public sealed class EventPipelineTests
{
    private static readonly EventDeliveryOptions Fast = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        LockWait = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Starting_delivers_what_an_earlier_boot_left_and_stopping_drains_new_events()
    {
        using var root = new TempHostRoot();
        SampleTransitions.Journal(root, 1);
        SampleTransitions.Journal(root, 2);
        var sender = new ScriptedEventSender();

        var pipeline = await StartAsync(root, sender);
        SampleTransitions.Journal(root, 3);
        pipeline.Listener.OnAppended(SampleTransitions.StepEntry(3), SampleTransitions.State());
        await pipeline.StopAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        sender.Sent.Select(e => e.Step).Should().Equal("step-1", "step-2", "step-3");
        pipeline.Outbox.PendingCount.Should().Be(0);
    }

    [Fact]
    public async Task A_second_run_is_refused_the_outbox_while_the_first_holds_it_and_admitted_after()
    {
        using var root = new TempHostRoot();
        var first = await StartAsync(root, new ScriptedEventSender());

        var second = () => StartAsync(root, new ScriptedEventSender());

        await second.Should().ThrowAsync<LockBusyException>();
        await first.DisposeAsync();
        await using var third = await StartAsync(root, new ScriptedEventSender());
        third.Should().NotBeNull();
    }

    [Fact]
    public async Task Stopping_with_an_unreachable_receiver_gives_up_after_the_drain_and_keeps_the_events()
    {
        using var root = new TempHostRoot();
        var failing = new ScriptedEventSender([.. Enumerable.Repeat(DeliveryAttempt.Retry("HTTP 503"), 10_000)]);
        var pipeline = await StartAsync(root, failing);
        SampleTransitions.Journal(root, 1);
        pipeline.Listener.OnAppended(SampleTransitions.StepEntry(1), SampleTransitions.State());

        var stopping = pipeline.StopAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        await pipeline.DisposeAsync();

        failing.Calls.Should().BeGreaterThan(0);
        SampleTransitions.Open(root).Pending().Should().ContainSingle().Which.Step.Should().Be("step-1");
    }

    [Fact]
    public async Task Delivering_everything_after_completed_waits_through_failures_until_the_outbox_is_empty()
    {
        using var root = new TempHostRoot();
        var sender = new ScriptedEventSender(DeliveryAttempt.Retry("HTTP 503"), DeliveryAttempt.Retry("HTTP 503"), DeliveryAttempt.Retry("connection refused"));
        await using var pipeline = await StartAsync(root, sender);
        SampleTransitions.Journal(root, 1);
        pipeline.Listener.OnAppended(SampleTransitions.StepEntry(1), SampleTransitions.State());
        SampleTransitions.Journal(root, 2);
        pipeline.Listener.OnAppended(SampleTransitions.StepEntry(2), SampleTransitions.State());

        var lost = await pipeline.DeliverAllAsync(DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None);

        lost.Should().BeNull();
        sender.Sent.Select(e => e.Step).Should().Equal("step-1", "step-1", "step-1", "step-1", "step-2");
        var cursor = DeliveryCursorFile.Read(OutboxPaths.For(root.Paths).CursorPath, NullLogger.Instance);
        cursor.Should().BeEquivalentTo(new DeliveryCursor { JournalLine = 2, Host = SampleTransitions.Host, Receiver = "conductor.example", Pending = 0 }, o => o.Excluding(c => c.JournalOffset));
        cursor.JournalOffset.Should().Be(new FileInfo(root.Paths.JournalPath).Length);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_given_up_at_the_deadline_and_the_cursor_names_what_was_lost()
    {
        using var root = new TempHostRoot();
        var failing = new ScriptedEventSender([.. Enumerable.Repeat(DeliveryAttempt.Retry("HTTP 503"), 10_000)]);
        await using var pipeline = await StartAsync(root, failing);
        SampleTransitions.Journal(root, 1);
        pipeline.Listener.OnAppended(SampleTransitions.StepEntry(1), SampleTransitions.State());
        SampleTransitions.Journal(root, 2);
        pipeline.Listener.OnAppended(SampleTransitions.StepEntry(2), SampleTransitions.State());
        await Eventually.HoldsAsync(() => failing.Calls > 0, "a first attempt");
        var deadline = DateTimeOffset.UtcNow.AddMilliseconds(300);

        var lost = await pipeline.DeliverAllAsync(deadline, CancellationToken.None);

        lost.Should().NotBeNull();
        lost!.GaveUpAt.Should().BeOnOrAfter(deadline);
        lost.Undelivered.Should().Equal($"{SampleTransitions.Host}:{SampleTransitions.Label}:1", $"{SampleTransitions.Host}:{SampleTransitions.Label}:2");
        lost.LastError.Should().Be("HTTP 503");
        DeliveryCursorFile.Read(OutboxPaths.For(root.Paths).CursorPath, NullLogger.Instance).Should().BeEquivalentTo(lost);
        pipeline.Outbox.PendingCount.Should().Be(2, "given up is not delivered: the events stay in the outbox");
    }

    private static Task<EventPipeline> StartAsync(TempHostRoot root, IEventSender sender) =>
        EventPipeline.StartAsync(root.Paths, SampleTransitions.Host, SampleTransitions.Label, sender, TimeProvider.System, NullLoggerFactory.Instance, Fast, CancellationToken.None, receiver: "conductor.example");
}
