using RigBootstrap.Core.Events;

namespace RigBootstrap.Core.Tests.Events;

public sealed class JournalEventsTests
{
    [Fact]
    public void A_step_move_becomes_an_event_with_the_host_label_journal_fields_and_its_line_as_sequence()
    {
        var entry = SampleTransitions.StepEntry(4);

        var transition = JournalEvents.ToEvent(entry, "mini-07", "com.rig.bootstrap", 9);

        transition.Should().BeEquivalentTo(new
        {
            Id = "mini-07:com.rig.bootstrap:9",
            Host = "mini-07",
            Label = "com.rig.bootstrap",
            Step = "step-4",
            From = "Pending",
            To = "Running",
            Reason = "reason 4",
            BootId = "boot-1",
            Time = entry.Time,
            Sequence = 9L,
        });
    }

    [Fact]
    public void A_workflow_move_becomes_an_event_without_a_step()
    {
        var entry = SampleTransitions.StepEntry(1) with { Kind = "workflow", Step = null, From = "Running", To = "Completed", Reason = "handed off" };

        var transition = JournalEvents.ToEvent(entry, "mini-07", "com.rig.bootstrap", 3);

        transition!.Step.Should().BeNull();
        transition.To.Should().Be("Completed");
    }

    [Theory]
    [InlineData("run-started", "Running", "Running")]
    [InlineData("reboot-requested", null, null)]
    [InlineData("recovered", null, null)]
    [InlineData("operator", null, null)]
    [InlineData("events", null, null)]
    [InlineData("step", null, null)]
    [InlineData("workflow", "Running", null)]
    public void Other_kinds_and_entries_without_a_move_are_not_events(string kind, string? from, string? to)
    {
        var entry = SampleTransitions.StepEntry(1) with { Kind = kind, From = from, To = to };

        JournalEvents.ToEvent(entry, "mini-07", "com.rig.bootstrap", 1).Should().BeNull();
    }
}
