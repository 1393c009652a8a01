using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Status.Watch;

namespace RigBootstrap.Core.Tests.Status.Watch;

public sealed class WatchFormatTests
{
    private static readonly DateTimeOffset Now = WatchStates.Start.AddMinutes(3);

    [Fact]
    public void A_line_says_when_it_was_seen_the_state_the_steps_done_why_and_what_next()
    {
        var state = WatchStates.At(WorkflowState.Waiting, "secrets: recipient not registered", stepsDone: 1, next: "check again at 12:05");

        var frame = new LineWatchFormat().Frame(state, Now);

        frame.Text.Should().Be("2026-11-25 12:03:00Z com.rig.bootstrap: Waiting, 1/2 steps done: secrets: recipient not registered; next: check again at 12:05\n");
        frame.IsNotice.Should().BeFalse();
    }

    [Fact]
    public void A_line_stays_one_line_and_plain_even_when_the_reason_quotes_several_lines()
    {
        var state = WatchStates.At(WorkflowState.Halted, "step second failed: line one\nline two\r\nline three");

        var frame = new LineWatchFormat().Frame(state, Now);

        frame.Text.TrimEnd('\n').Should().NotContain("\n").And.NotContain("\r").And.NotContain("\u001b").And.EndWith("line one line two line three");
    }

    [Fact]
    public void The_line_key_leaves_the_time_out_so_a_rewrite_that_changes_nothing_shown_is_no_change()
    {
        var format = new LineWatchFormat();
        var state = WatchStates.At(WorkflowState.Running, "running first");

        var earlier = format.Frame(state, Now);
        var later = format.Frame(state with { UpdatedAt = Now }, Now.AddMinutes(1));
        var moved = format.Frame(WatchStates.At(WorkflowState.Running, "running second", stepsDone: 1), Now);

        later.Key.Should().Be(earlier.Key);
        later.Text.Should().NotBe(earlier.Text, "each line carries the time it was seen");
        moved.Key.Should().NotBe(earlier.Key);
    }

    [Fact]
    public void Json_is_the_state_file_on_one_line_and_reads_back_as_the_same_state()
    {
        var state = WatchStates.At(WorkflowState.Waiting, "agent said \"not yet\" + <later>", stepsDone: 1);

        var frame = new JsonWatchFormat().Frame(state, Now);

        frame.Text.Should().EndWith("}\n");
        frame.Text.TrimEnd('\n').Should().NotContain("\n");
        frame.Text.Should().Contain("+ <later>", "the same escaping as status --json");
        StateFileStore.Serialize(StateFileStore.Deserialize(frame.Text)).Should().Be(StateFileStore.Serialize(state));
    }

    [Fact]
    public void Json_changes_with_any_change_of_the_state_file()
    {
        var format = new JsonWatchFormat();
        var state = WatchStates.At(WorkflowState.Running, "running first");

        format.Frame(state with { UpdatedAt = Now }, Now).Key.Should().NotBe(format.Frame(state, Now).Key);
        format.Frame(state, Now.AddHours(1)).Key.Should().Be(format.Frame(state, Now).Key);
    }

    [Fact]
    public void The_terminal_view_is_the_status_view_drawn_from_the_top_of_a_cleared_screen()
    {
        var state = WatchStates.At(WorkflowState.Running, "running first");

        var frame = new TerminalWatchFormat().Frame(state, Now);

        frame.Text.Should().StartWith(TerminalWatchFormat.ClearScreen + StatusRenderer.Render(state, Now)).And.Contain("Ctrl-C to stop");
    }

    [Theory]
    [InlineData("line")]
    [InlineData("json")]
    [InlineData("terminal")]
    public void Every_format_says_it_waits_for_a_missing_state_file_as_a_notice(string name)
    {
        IWatchFormat format = name switch { "line" => new LineWatchFormat(), "json" => new JsonWatchFormat(), _ => new TerminalWatchFormat() };

        var frame = format.Absent("/var/db/rig-bootstrap/state.json", Now);

        frame.IsNotice.Should().BeTrue();
        frame.Text.Should().Contain("no state at /var/db/rig-bootstrap/state.json yet; waiting for it to appear");
        format.Absent("/var/db/rig-bootstrap/state.json", Now.AddMinutes(5)).Key.Should().Be(frame.Key, "said once, however long it waits");
    }
}
