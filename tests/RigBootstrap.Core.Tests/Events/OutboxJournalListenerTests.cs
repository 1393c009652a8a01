using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Events;

public sealed class OutboxJournalListenerTests
{
    [Fact]
    public void A_step_transition_becomes_an_event_with_the_host_label_and_journal_fields()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        var listener = new OutboxJournalListener(outbox, new DeliverySignal(), "mini-07", NullLogger.Instance);
        var entry = SampleTransitions.StepEntry(4);

        listener.OnAppended(entry, SampleTransitions.State());

        outbox.Pending().Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Id = "mini-07:com.rig.bootstrap:1",
            Host = "mini-07",
            Label = "com.rig.bootstrap",
            Step = "step-4",
            From = "Pending",
            To = "Running",
            Reason = "reason 4",
            BootId = "boot-1",
            Time = entry.Time,
            Sequence = 1L,
        });
    }

    [Fact]
    public void A_workflow_transition_becomes_an_event_without_a_step()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        var listener = new OutboxJournalListener(outbox, new DeliverySignal(), "mini-07", NullLogger.Instance);
        var entry = SampleTransitions.StepEntry(1) with { Kind = "workflow", Step = null, From = "Running", To = "Completed", Reason = "handed off" };

        listener.OnAppended(entry, SampleTransitions.State());

        var transition = outbox.Pending().Should().ContainSingle().Subject;
        transition.Step.Should().BeNull();
        transition.To.Should().Be("Completed");
    }

    [Theory]
    [InlineData("run-started", "Running", "Running")]
    [InlineData("reboot-requested", null, null)]
    [InlineData("recovered", null, null)]
    [InlineData("process", null, null)]
    [InlineData("step", null, null)]
    [InlineData("workflow", "Running", null)]
    public void Other_kinds_and_entries_without_a_move_are_ignored(string kind, string? from, string? to)
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        var listener = new OutboxJournalListener(outbox, new DeliverySignal(), "mini-07", NullLogger.Instance);

        listener.OnAppended(SampleTransitions.StepEntry(1) with { Kind = kind, From = from, To = to }, SampleTransitions.State());

        outbox.Pending().Should().BeEmpty();
        File.Exists(outbox.Paths.OutboxPath).Should().BeFalse();
    }

    [Fact(Timeout = 30000)]
    public async Task Appending_wakes_whoever_waits_on_the_signal()
    {
        using var root = new TempHostRoot();
        var signal = new DeliverySignal();
        var listener = new OutboxJournalListener(EventOutbox.Open(root.Paths, NullLogger.Instance), signal, "mini-07", NullLogger.Instance);
        var woken = signal.NextNotification();

        listener.OnAppended(SampleTransitions.StepEntry(1), SampleTransitions.State());

        await woken.WaitAsync(TimeSpan.FromSeconds(10));
        woken.IsCompletedSuccessfully.Should().BeTrue();
    }

    [Fact]
    public void An_outbox_that_cannot_be_written_costs_the_event_with_a_warning_not_the_workflow()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        // A directory where the outbox file should be: every write fails, whoever runs the test (even root).
        Directory.CreateDirectory(outbox.Paths.OutboxPath);
        var logger = new RecordingLogger();
        var listener = new OutboxJournalListener(outbox, new DeliverySignal(), "mini-07", logger);

        var append = () => listener.OnAppended(SampleTransitions.StepEntry(1), SampleTransitions.State());

        append.Should().NotThrow();
        outbox.Pending().Should().BeEmpty();
        logger.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning && e.Message.Contains("not queued"));
    }

    [Fact]
    public void Events_written_through_the_listener_keep_journal_order()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        var listener = new OutboxJournalListener(outbox, new DeliverySignal(), "mini-07", NullLogger.Instance);
        JournalEntry[] entries = [SampleTransitions.StepEntry(3), SampleTransitions.StepEntry(1), SampleTransitions.StepEntry(2)];

        foreach (var entry in entries)
        {
            listener.OnAppended(entry, SampleTransitions.State());
        }

        outbox.Pending().Select(e => (e.Step, e.Sequence)).Should().Equal(("step-3", 1L), ("step-1", 2L), ("step-2", 3L));
    }
}
