namespace RigBootstrap.Processes.Tests;

public sealed class ProcessTableTests
{
    [Fact]
    public void Descendants_are_found_through_every_generation_and_nothing_else()
    {
        var table = new ProcessTable(
        [
            new ProcessEntry(1, 0, "boot"),
            new ProcessEntry(10, 1, "a"),
            new ProcessEntry(11, 10, "b"),
            new ProcessEntry(12, 11, "c"),
            new ProcessEntry(20, 1, "unrelated"),
            new ProcessEntry(13, 10, "d"),
        ]);

        var descendants = table.DescendantsOf(10).Select(entry => entry.Pid);

        descendants.Should().BeEquivalentTo([11, 12, 13]);
    }

    [Fact]
    public void A_cycle_in_a_torn_snapshot_does_not_loop()
    {
        var table = new ProcessTable([new ProcessEntry(5, 6, "x"), new ProcessEntry(6, 5, "y")]);

        table.DescendantsOf(5).Select(entry => entry.Pid).Should().Equal(6);
    }

    [Fact]
    public void A_reused_pid_is_not_the_same_process()
    {
        var before = new ProcessEntry(42, 1, "start-1");
        var now = new ProcessTable([new ProcessEntry(42, 1, "start-2")]);

        now.StillRuns(before).Should().BeFalse();
        now.StillRuns(before with { StartMarker = "start-2" }).Should().BeTrue();
    }

    [Fact]
    public void A_descendant_re_parented_after_its_parent_died_is_still_the_same_process()
    {
        var before = new ProcessEntry(42, 41, "start-1");
        var now = new ProcessTable([new ProcessEntry(42, 1, "start-1")]);

        now.StillRuns(before).Should().BeTrue();
    }
}
