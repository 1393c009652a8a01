using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Status.Watch;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Status.Watch;

/// <summary>
/// The watch loop with a fake clock and a hand-fired signal: every wait is on a condition (the watcher parked on its
/// n-th wait), never on time passing by itself.
/// </summary>
public sealed class StatusWatcherTests : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly TempHostRoot _root = new();
    private readonly FakeTimeProvider _time = new(WatchStates.Start);
    private readonly ManualSignal _signal = new();
    private readonly CancellationTokenSource _bound = new(Bound);
    private readonly List<WatchFrame> _shown = [];

    public void Dispose()
    {
        // Ends any watch a test left parked.
        _bound.Cancel();
        _bound.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task A_missing_state_file_is_said_once_then_each_change_is_one_line_and_Completed_ends_the_watch()
    {
        // Arrange
        var watch = Start(new LineWatchFormat());
        await _signal.ParkedAsync(1, _bound.Token);
        _time.Advance(Poll);
        await _signal.ParkedAsync(2, _bound.Token);

        // Act: the daemon moves the workflow on; each save fires the signal, as a file event would.
        Save(WatchStates.At(WorkflowState.Installed, "installed"), fire: true);
        await _signal.ParkedAsync(3, _bound.Token);
        Save(WatchStates.At(WorkflowState.Running, "running first"), fire: true);
        await _signal.ParkedAsync(4, _bound.Token);
        Save(WatchStates.At(WorkflowState.Completed, "handed off", stepsDone: 2), fire: true);
        var final = await watch.WaitAsync(_bound.Token);

        // Assert
        final.Workflow.State.Should().Be(WorkflowState.Completed);
        Lines().Should().Equal(
            $"2026-11-25 12:00:00Z {WatchText.Absent(_root.Paths.StatePath)}",
            "2026-11-25 12:00:02Z com.rig.bootstrap: Installed, 0/2 steps done: installed",
            "2026-11-25 12:00:02Z com.rig.bootstrap: Running, 0/2 steps done: running first",
            "2026-11-25 12:00:02Z com.rig.bootstrap: Completed, 2/2 steps done: handed off");
        _shown[0].IsNotice.Should().BeTrue();
        _shown.Skip(1).Should().OnlyContain(f => !f.IsNotice);
    }

    [Fact]
    public async Task A_file_event_is_read_at_once_without_any_time_passing()
    {
        Save(WatchStates.At(WorkflowState.Running, "running first"));
        var watch = Start(new LineWatchFormat());
        await _signal.ParkedAsync(1, _bound.Token);

        Save(WatchStates.At(WorkflowState.Halted, "step second failed 3 times"), fire: true);
        var final = await watch.WaitAsync(_bound.Token);

        final.Workflow.State.Should().Be(WorkflowState.Halted);
        _time.GetUtcNow().Should().Be(WatchStates.Start);
        Lines().Should().HaveCount(2).And.HaveElementAt(1, "2026-11-25 12:00:00Z com.rig.bootstrap: Halted, 0/2 steps done: step second failed 3 times");
    }

    [Fact]
    public async Task Without_file_events_the_poll_sees_the_change_after_one_interval_and_not_before()
    {
        // Arrange: the signal never fires (no inotify, or an event missed).
        Save(WatchStates.At(WorkflowState.Running, "running first"));
        var watch = Start(new LineWatchFormat());
        await _signal.ParkedAsync(1, _bound.Token);
        Save(WatchStates.At(WorkflowState.Running, "running second", stepsDone: 1));

        // Act: just short of the interval nothing is read again; at the interval the change is seen.
        _time.Advance(Poll - TimeSpan.FromMilliseconds(1));
        var readsBefore = _signal.Waits;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await _signal.ParkedAsync(2, _bound.Token);

        // Assert
        readsBefore.Should().Be(1, "the poll waits its full interval");
        Lines().Should().HaveCount(2).And.HaveElementAt(1, "2026-11-25 12:00:02Z com.rig.bootstrap: Running, 1/2 steps done: running second");
        watch.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task A_rewrite_that_changes_nothing_the_line_shows_prints_no_line_but_a_json_object()
    {
        // Arrange
        var running = WatchStates.At(WorkflowState.Running, "running first");
        Save(running);
        var lines = Start(new LineWatchFormat());
        await _signal.ParkedAsync(1, _bound.Token);

        // Act: only updatedAt moves (a waiting step's check, a heartbeat).
        Save(running with { UpdatedAt = WatchStates.Start.AddSeconds(30) }, fire: true);
        await _signal.ParkedAsync(2, _bound.Token);

        // Assert
        _shown.Should().ContainSingle();
        lines.IsCompleted.Should().BeFalse();

        _shown.Clear();
        using var signal = new ManualSignal();
        var json = new StatusWatcher(_root.Paths, new JsonWatchFormat(), signal, _time, Poll).WatchAsync(Record, _bound.Token);
        await signal.ParkedAsync(1, _bound.Token);
        Save(running with { UpdatedAt = WatchStates.Start.AddSeconds(60) });
        signal.Fire();
        await signal.ParkedAsync(2, _bound.Token);
        _shown.Should().HaveCount(2, "JSON shows every change of the state file");
        json.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task A_state_file_that_disappears_is_said_again_and_its_return_is_shown()
    {
        Save(WatchStates.At(WorkflowState.Running, "running first"));
        _ = Start(new LineWatchFormat());
        await _signal.ParkedAsync(1, _bound.Token);

        File.Delete(_root.Paths.StatePath);
        File.Delete(_root.Paths.PreviousStatePath);
        _signal.Fire();
        await _signal.ParkedAsync(2, _bound.Token);
        Save(WatchStates.At(WorkflowState.Installed, "installed"), fire: true);
        await _signal.ParkedAsync(3, _bound.Token);

        _shown.Select(f => f.IsNotice).Should().Equal(false, true, false);
    }

    [Theory]
    [InlineData(WorkflowState.Completed)]
    [InlineData(WorkflowState.Halted)]
    public async Task A_final_workflow_is_shown_once_and_returned_without_waiting(WorkflowState final)
    {
        Save(WatchStates.At(final, "done"));

        var state = await Start(new LineWatchFormat()).WaitAsync(_bound.Token);

        state.Workflow.State.Should().Be(final);
        _shown.Should().ContainSingle();
        _signal.Waits.Should().Be(0);
    }

    [Fact]
    public async Task Canceling_the_watch_ends_it_with_OperationCanceledException()
    {
        Save(WatchStates.At(WorkflowState.Running, "running first"));
        using var cancel = new CancellationTokenSource();
        var watch = new StatusWatcher(_root.Paths, new LineWatchFormat(), _signal, _time, Poll).WatchAsync(Record, cancel.Token);
        await _signal.ParkedAsync(1, _bound.Token);

        await cancel.CancelAsync();

        await watch.Invoking(async w => await w).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task An_unreadable_state_and_previous_copy_end_the_watch_with_the_store_s_error()
    {
        Directory.CreateDirectory(_root.Paths.StateDirPath);
        await File.WriteAllTextAsync(_root.Paths.StatePath, "{ torn");
        await File.WriteAllTextAsync(_root.Paths.PreviousStatePath, "{ torn too");

        var watch = Start(new LineWatchFormat());

        await watch.Invoking(async w => await w).Should().ThrowAsync<StateFileCorruptException>();
    }

    [Fact]
    public void A_poll_interval_that_is_not_positive_is_refused()
    {
        var create = () => new StatusWatcher(_root.Paths, new LineWatchFormat(), _signal, _time, TimeSpan.Zero);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }

    private Task<StateFile> Start(IWatchFormat format) =>
        new StatusWatcher(_root.Paths, format, _signal, _time, Poll).WatchAsync(Record, _bound.Token);

    private void Record(WatchFrame frame)
    {
        lock (_shown)
        {
            _shown.Add(frame);
        }
    }

    private List<string> Lines()
    {
        lock (_shown)
        {
            return _shown.Select(f => f.Text.TrimEnd('\n')).ToList();
        }
    }

    private void Save(StateFile state, bool fire = false)
    {
        new StateFileStore(_root.Paths).Save(state);
        if (fire)
        {
            _signal.Fire();
        }
    }
}
