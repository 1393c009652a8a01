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

    [Fact(Timeout = 30000)]
    public async Task Starting_delivers_what_an_earlier_boot_left_and_stopping_drains_new_events()
    {
        using var root = new TempHostRoot();
        var leftover = EventOutbox.Open(root.Paths, NullLogger.Instance);
        leftover.Append(SampleTransitions.Event(1));
        leftover.Append(SampleTransitions.Event(2));
        var sender = new ScriptedEventSender();

        var pipeline = await StartAsync(root, sender);
        pipeline.Listener.OnAppended(SampleTransitions.StepEntry(3), SampleTransitions.State());
        await pipeline.StopAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        sender.Sent.Select(e => e.Step).Should().Equal("step-1", "step-2", "step-3");
        pipeline.Outbox.PendingCount.Should().Be(0);
    }

    [Fact(Timeout = 30000)]
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

    [Fact(Timeout = 30000)]
    public async Task Stopping_with_an_unreachable_receiver_gives_up_after_the_drain_and_keeps_the_events()
    {
        using var root = new TempHostRoot();
        var failing = new ScriptedEventSender([.. Enumerable.Repeat(DeliveryAttempt.Retry("HTTP 503"), 10_000)]);
        var pipeline = await StartAsync(root, failing);
        pipeline.Listener.OnAppended(SampleTransitions.StepEntry(1), SampleTransitions.State());

        var stopping = pipeline.StopAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        await pipeline.DisposeAsync();

        failing.Calls.Should().BeGreaterThan(0);
        EventOutbox.Open(root.Paths, NullLogger.Instance).Pending().Should().ContainSingle().Which.Step.Should().Be("step-1");
    }

    private static Task<EventPipeline> StartAsync(TempHostRoot root, IEventSender sender) =>
        EventPipeline.StartAsync(root.Paths, SampleTransitions.Host, sender, TimeProvider.System, NullLoggerFactory.Instance, Fast, CancellationToken.None);
}
