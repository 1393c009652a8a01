using RigBootstrap.Core.State;
using RigBootstrap.Core.Status.Watch;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Status.Watch;

/// <summary>The file events under a real directory (inotify on this Linux machine); each wait is bounded, never a sleep.</summary>
public sealed class StateDirectorySignalTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly CancellationTokenSource _bound = new(TimeSpan.FromSeconds(30));

    public void Dispose()
    {
        _bound.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task Replacing_the_state_file_by_a_rename_fires_as_the_store_saves_it()
    {
        // Arrange
        Directory.CreateDirectory(_root.Paths.StateDirPath);
        using var signal = new StateDirectorySignal(_root.Paths.StateDirPath);
        await Drain(signal);
        var next = signal.WaitAsync(_bound.Token);
        next.IsCompleted.Should().BeFalse("nothing changed yet");

        // Act: temp file, fsync, rename over state.json (docs/state-file.md).
        new StateFileStore(_root.Paths).Save(WatchStates.At(WorkflowState.Running, "running first"));

        // Assert
        await next;
        signal.Watching.Should().BeTrue();
    }

    [Fact]
    public async Task A_change_between_two_waits_is_kept_for_the_next_wait()
    {
        Directory.CreateDirectory(_root.Paths.StateDirPath);
        using var signal = new StateDirectorySignal(_root.Paths.StateDirPath);
        await Drain(signal);

        // The watch is busy reading when the change comes: no wait is pending.
        await File.WriteAllTextAsync(Path.Join(_root.Paths.StateDirPath, "journal.jsonl"), "{}\n");

        await signal.WaitAsync(_bound.Token);
    }

    [Fact]
    public async Task Without_the_directory_it_does_not_watch_and_starts_once_the_directory_exists()
    {
        using var signal = new StateDirectorySignal(_root.Paths.StateDirPath);
        var first = signal.WaitAsync(_bound.Token);
        signal.Watching.Should().BeFalse("there is nothing to watch yet: the poll covers it");
        first.IsCompleted.Should().BeFalse();

        Directory.CreateDirectory(_root.Paths.StateDirPath);
        var second = signal.WaitAsync(_bound.Token);
        signal.Watching.Should().BeTrue();
        new StateFileStore(_root.Paths).Save(WatchStates.At(WorkflowState.Installed, "installed"));

        await second;
    }

    [Fact]
    public async Task A_directory_removed_under_the_watcher_is_dropped_and_watched_again_when_made_anew()
    {
        Directory.CreateDirectory(_root.Paths.StateDirPath);
        using var signal = new StateDirectorySignal(_root.Paths.StateDirPath);
        await Drain(signal);

        Directory.Delete(_root.Paths.StateDirPath, recursive: true);
        _ = signal.WaitAsync(_bound.Token);
        signal.Watching.Should().BeFalse();
        Directory.CreateDirectory(_root.Paths.StateDirPath);
        await Drain(signal);
        var next = signal.WaitAsync(_bound.Token);
        new StateFileStore(_root.Paths).Save(WatchStates.At(WorkflowState.Installed, "installed"));

        await next;
        signal.Watching.Should().BeTrue();
    }

    /// <summary>Consumes what setting up left behind (a directory just made may still report), so the next wait starts clean.</summary>
    private async Task Drain(StateDirectorySignal signal)
    {
        var settled = signal.WaitAsync(_bound.Token);
        if (settled.IsCompleted)
        {
            await settled;
        }
    }
}
