using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Events;

public sealed class EventOutboxTests
{
    [Fact]
    public void Appended_events_get_increasing_sequences_and_survive_reopening()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);

        var first = outbox.Append(SampleTransitions.Event(1));
        var second = outbox.Append(SampleTransitions.Event(2));
        var reopened = EventOutbox.Open(root.Paths, NullLogger.Instance);

        first.Sequence.Should().Be(1);
        second.Sequence.Should().Be(2);
        reopened.Pending().Should().BeEquivalentTo([first, second], o => o.WithStrictOrdering());
        reopened.Pending()[1].Id.Should().Be("mini-07:com.rig.bootstrap:2");
        File.GetUnixFileMode(outbox.Paths.OutboxPath).Should().Be(StateFileStore.StateFileMode);
    }

    [Fact]
    public void Pending_lists_only_the_events_after_the_durable_cursor_in_order()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        for (var n = 1; n <= 5; n++)
        {
            outbox.Append(SampleTransitions.Event(n));
        }

        outbox.MarkDelivered(3);
        var reopened = EventOutbox.Open(root.Paths, NullLogger.Instance);

        outbox.Pending().Select(e => e.Sequence).Should().Equal(4, 5);
        reopened.Pending().Select(e => e.Sequence).Should().Equal(4, 5);
        reopened.LastDeliveredSequence.Should().Be(3);
        File.GetUnixFileMode(outbox.Paths.CursorPath).Should().Be(StateFileStore.StateFileMode);
    }

    [Fact]
    public void Marking_an_earlier_sequence_changes_nothing_and_marking_past_the_last_throws()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        outbox.Append(SampleTransitions.Event(1));
        outbox.Append(SampleTransitions.Event(2));
        outbox.MarkDelivered(2);

        outbox.MarkDelivered(1);
        var pastTheEnd = () => outbox.MarkDelivered(3);

        outbox.LastDeliveredSequence.Should().Be(2);
        pastTheEnd.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void A_torn_last_line_is_skipped_and_cut_so_the_next_append_is_a_whole_line()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        outbox.Append(SampleTransitions.Event(1));
        var whole = outbox.Append(SampleTransitions.Event(2));
        var bytes = File.ReadAllBytes(outbox.Paths.OutboxPath);
        File.WriteAllBytes(outbox.Paths.OutboxPath, bytes[..^20]);

        var reopened = EventOutbox.Open(root.Paths, NullLogger.Instance);
        var appended = reopened.Append(SampleTransitions.Event(3));
        var again = EventOutbox.Open(root.Paths, NullLogger.Instance);

        reopened.LastSequence.Should().Be(2);
        appended.Sequence.Should().Be(2, "the torn event was never durable, so its sequence was never handed out");
        appended.Step.Should().Be("step-3");
        again.Pending().Select(e => e.Step).Should().Equal("step-1", "step-3");
        whole.Step.Should().Be("step-2");
        File.ReadAllLines(outbox.Paths.OutboxPath).Should().HaveCount(2).And.OnlyContain(l => l.StartsWith('{') && l.EndsWith('}'));
    }

    [Fact]
    public void Delivered_lines_are_compacted_away_past_the_bound_and_sequences_stay_monotonic()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance, compactAtBytes: 1024);
        for (var n = 1; n <= 20; n++)
        {
            outbox.Append(SampleTransitions.Event(n));
        }

        var before = new FileInfo(outbox.Paths.OutboxPath).Length;

        outbox.MarkDelivered(18);
        var reopened = EventOutbox.Open(root.Paths, NullLogger.Instance, compactAtBytes: 1024);
        var next = reopened.Append(SampleTransitions.Event(21));

        before.Should().BeGreaterThan(1024);
        File.ReadAllLines(outbox.Paths.OutboxPath).Should().HaveCount(3, "two undelivered lines kept, one appended after reopening");
        reopened.Pending().Select(e => e.Sequence).Should().Equal(19, 20, 21);
        next.Sequence.Should().Be(21);
    }

    [Fact]
    public void After_everything_is_delivered_and_compacted_the_next_sequence_continues_from_the_cursor()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance, compactAtBytes: 1);
        outbox.Append(SampleTransitions.Event(1));
        outbox.Append(SampleTransitions.Event(2));
        outbox.MarkDelivered(2);

        var compacted = File.ReadAllText(outbox.Paths.OutboxPath);
        var reopened = EventOutbox.Open(root.Paths, NullLogger.Instance, compactAtBytes: 1);
        var next = reopened.Append(SampleTransitions.Event(3));

        compacted.Should().BeEmpty();
        next.Sequence.Should().Be(3, "an id is never reused, even when the file holds no delivered lines");
        reopened.Pending().Should().ContainSingle();
    }

    [Fact]
    public void Below_the_bound_delivered_lines_stay_in_the_file()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        outbox.Append(SampleTransitions.Event(1));
        outbox.Append(SampleTransitions.Event(2));

        outbox.MarkDelivered(1);

        File.ReadAllLines(outbox.Paths.OutboxPath).Should().HaveCount(2);
        outbox.Pending().Should().ContainSingle().Which.Sequence.Should().Be(2);
    }

    [Fact]
    public void An_outbox_line_carries_only_the_event_fields()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);

        outbox.Append(SampleTransitions.Event(1));

        using var line = JsonDocument.Parse(File.ReadAllLines(outbox.Paths.OutboxPath).Single());
        line.RootElement.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "id", "host", "label", "step", "from", "to", "reason", "bootId", "time", "sequence");
        line.RootElement.GetProperty("id").GetString().Should().Be("mini-07:com.rig.bootstrap:1");
    }

    [Fact]
    public void An_unreadable_cursor_re_sends_what_is_still_in_the_outbox_rather_than_skipping_it()
    {
        using var root = new TempHostRoot();
        var outbox = EventOutbox.Open(root.Paths, NullLogger.Instance);
        outbox.Append(SampleTransitions.Event(1));
        outbox.Append(SampleTransitions.Event(2));
        outbox.MarkDelivered(1);
        File.WriteAllText(outbox.Paths.CursorPath, "garbage");
        var logger = new RecordingLogger();

        var reopened = EventOutbox.Open(root.Paths, logger);

        reopened.Pending().Select(e => e.Sequence).Should().Equal(1, 2);
        logger.Entries.Should().Contain(e => e.Message.Contains("unreadable"));
    }
}
