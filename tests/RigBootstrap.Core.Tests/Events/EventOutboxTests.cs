using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Events;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Events;

/// <summary>The journal is the outbox: its moves are the events, the cursor a byte offset and line in it.</summary>
public sealed class EventOutboxTests
{
    [Fact]
    public void The_journals_moves_are_pending_in_order_with_their_line_as_sequence_and_nothing_else_is()
    {
        using var root = new TempHostRoot();
        var outbox = SampleTransitions.Open(root);
        var journal = new JournalWriter(root.Paths);
        journal.Append(SampleTransitions.StepEntry(1));
        journal.Append(SampleTransitions.StepEntry(2) with { Kind = "run-started", From = null, To = null });
        journal.Append(SampleTransitions.StepEntry(3) with { Kind = "workflow", Step = null, From = "Running", To = "Completed" });

        var pending = outbox.Pending();

        pending.Select(e => (e.Id, e.Step, e.To)).Should().Equal(
            ("mini-07:com.rig.bootstrap:1", "step-1", "Running"), ("mini-07:com.rig.bootstrap:3", null, "Completed"));
        File.Exists(outbox.Paths.OutboxPath).Should().BeFalse("a move costs one durable append, the journal's");
    }

    [Fact]
    public void Marking_the_oldest_delivered_moves_the_durable_cursor_past_its_line_and_anything_else_is_a_no_op()
    {
        using var root = new TempHostRoot();
        var outbox = SampleTransitions.Open(root);
        SampleTransitions.Journal(root, 1);
        SampleTransitions.Journal(root, 2);
        var firstLineBytes = File.ReadAllLines(root.Paths.JournalPath)[0].Length + 1;
        var pending = outbox.Pending();

        outbox.MarkDelivered(pending[1]);
        outbox.MarkDelivered(pending[0]);
        outbox.MarkDelivered(pending[0]);

        var reopened = SampleTransitions.Open(root);
        reopened.Pending().Select(e => e.Sequence).Should().Equal(2);
        reopened.Cursor.JournalLine.Should().Be(1);
        reopened.Cursor.JournalOffset.Should().Be(firstLineBytes);
    }

    [Fact]
    public void A_line_still_being_written_waits_and_a_torn_line_costs_only_itself_with_ids_stable_after()
    {
        using var root = new TempHostRoot();
        var outbox = SampleTransitions.Open(root);
        SampleTransitions.Journal(root, 1);
        var half = Encoding.UTF8.GetBytes("{\"time\":\"2026-11-25T12:00:02+00:00\",\"bootId\":\"boot-1\",\"kind\":\"st");
        using (var stream = new FileStream(root.Paths.JournalPath, FileMode.Append))
        {
            stream.Write(half);
        }

        var whileTorn = outbox.Pending();
        // The process died mid-append; the next run's first append ends the torn line (JournalWriter) and goes on.
        SampleTransitions.Journal(root, 3);
        var after = outbox.Pending();

        whileTorn.Select(e => e.Sequence).Should().Equal(1);
        after.Select(e => (e.Step, e.Sequence)).Should().Equal(("step-1", 1L), ("step-3", 3L));
        SampleTransitions.Open(root).Pending().Select(e => e.Id).Should().Equal(after.Select(e => e.Id), "ids never change once journaled");
        new JournalReader(root.Paths).Read().TornLines.Should().Be(1, "status --history still counts the torn line");
    }

    [Fact]
    public void Ids_keep_the_host_name_of_the_first_open_so_a_renamed_host_resends_nothing_under_new_ids()
    {
        using var root = new TempHostRoot();
        SampleTransitions.Open(root);
        SampleTransitions.Journal(root, 1);

        var renamed = EventOutbox.Open(root.Paths, "renamed-by-the-agent", SampleTransitions.Label, NullLogger.Instance);

        renamed.Pending().Single().Id.Should().Be("mini-07:com.rig.bootstrap:1");
    }

    [Fact]
    public void A_host_first_configured_for_events_now_delivers_its_journal_from_the_first_line()
    {
        using var root = new TempHostRoot();
        SampleTransitions.Journal(root, 1);
        SampleTransitions.Journal(root, 2);

        var outbox = SampleTransitions.Open(root);

        outbox.Pending().Select(e => e.Sequence).Should().Equal(1, 2);
    }

    [Fact]
    public void An_earlier_builds_outbox_is_delivered_first_with_its_ids_then_the_journal_from_where_it_ended_and_the_file_goes()
    {
        // Arrange: the previous build journaled three moves, put them in its outbox (sequences 1-3) and delivered 1.
        using var root = new TempHostRoot();
        var paths = OutboxPaths.For(root.Paths);
        Directory.CreateDirectory(paths.DirPath);
        for (var n = 1; n <= 3; n++)
        {
            SampleTransitions.Journal(root, n);
            File.AppendAllText(paths.OutboxPath, Encoding.UTF8.GetString(OutboxFile.Encode(SampleTransitions.Event(n) with { Sequence = n })));
        }

        File.WriteAllText(paths.CursorPath, "{\"lastDeliveredSequence\":1}\n");

        // Act
        var outbox = SampleTransitions.Open(root);
        SampleTransitions.Journal(root, 4);
        var pending = outbox.Pending();
        foreach (var transition in pending)
        {
            outbox.MarkDelivered(transition);
        }

        // Assert
        pending.Select(e => (e.Step, e.Id)).Should().Equal(
            ("step-2", "mini-07:com.rig.bootstrap:2"), ("step-3", "mini-07:com.rig.bootstrap:3"), ("step-4", "mini-07:com.rig.bootstrap:4"));
        File.Exists(paths.OutboxPath).Should().BeFalse("the earlier outbox is delivered and removed");
        SampleTransitions.Open(root).Pending().Should().BeEmpty("nothing is delivered twice");
    }

    [Fact]
    public void A_crash_after_the_earlier_outbox_moved_to_the_journal_neither_repeats_nor_skips_anything()
    {
        using var root = new TempHostRoot();
        var paths = OutboxPaths.For(root.Paths);
        Directory.CreateDirectory(paths.DirPath);
        SampleTransitions.Journal(root, 1);
        File.WriteAllBytes(paths.OutboxPath, OutboxFile.Encode(SampleTransitions.Event(1) with { Sequence = 1 }));

        SampleTransitions.Open(root); // the cursor moves to the journal's end here; the process dies right after
        SampleTransitions.Journal(root, 2);
        var reopened = SampleTransitions.Open(root);

        reopened.Pending().Select(e => e.Step).Should().Equal("step-1", "step-2");
    }

    [Fact]
    public void An_unreadable_cursor_re_sends_the_journal_rather_than_skipping_anything()
    {
        using var root = new TempHostRoot();
        var outbox = SampleTransitions.Open(root);
        SampleTransitions.Journal(root, 1);
        SampleTransitions.Journal(root, 2);
        outbox.MarkDelivered(outbox.Pending()[0]);
        File.WriteAllText(outbox.Paths.CursorPath, "garbage");
        var logger = new RecordingLogger();

        var reopened = SampleTransitions.Open(root, logger);

        reopened.Pending().Select(e => e.Sequence).Should().Equal(1, 2);
        logger.Entries.Should().Contain(e => e.Message.Contains("unreadable"));
    }
}
