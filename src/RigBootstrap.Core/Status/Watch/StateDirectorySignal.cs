namespace RigBootstrap.Core.Status.Watch;

/// <summary>
/// File events on the state directory (inotify on Linux, FSEvents on macOS) through <see cref="FileSystemWatcher"/>.
/// It watches the directory, not state.json, because the state is replaced by a rename (docs/state-file.md) and a
/// watch on the old file would see nothing after the first save. Events are a hint only: the watcher cannot be
/// created while the directory does not exist, it can overflow or fail (its Error event; inotify's watch limit), and
/// a directory removed and made again is a new one; the caller's poll covers all of those, and a failed watcher is
/// made again at the next wait.
/// </summary>
public sealed class StateDirectorySignal : IStateChangeSignal
{
    private const NotifyFilters Everything =
        NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime;

    private readonly string _dirPath;
    private readonly object _gate = new();
    private FileSystemWatcher? _watcher;
    private bool _broken;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StateDirectorySignal(string dirPath) => _dirPath = dirPath;

    /// <summary>Whether file events are being received now (false: only the poll sees changes).</summary>
    public bool Watching
    {
        get
        {
            lock (_gate)
            {
                return _watcher is not null && !_broken;
            }
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Renew();
            if (_changed.Task.IsCompleted)
            {
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return Task.CompletedTask;
            }

            return _changed.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    /// <summary>Drops a failed or orphaned watcher and starts one when the directory exists; called under the gate.</summary>
    private void Renew()
    {
        if (_watcher is not null && (_broken || !Directory.Exists(_dirPath)))
        {
            _watcher.Dispose();
            _watcher = null;
        }

        if (_watcher is not null || !Directory.Exists(_dirPath))
        {
            return;
        }

        var watcher = new FileSystemWatcher(_dirPath) { NotifyFilter = Everything, IncludeSubdirectories = false };
        watcher.Changed += (_, _) => Signal();
        watcher.Created += (_, _) => Signal();
        watcher.Deleted += (_, _) => Signal();
        watcher.Renamed += (_, _) => Signal();
        watcher.Error += (_, _) => Fail();
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // Out of inotify watches, the directory vanished in between, or no events on this platform: poll only.
            watcher.Dispose();
            return;
        }

        _broken = false;
        _watcher = watcher;
    }

    private void Signal()
    {
        lock (_gate)
        {
            _changed.TrySetResult();
        }
    }

    /// <summary>An overflow loses events: read again now, and make a new watcher at the next wait (not here, inside its callback).</summary>
    private void Fail()
    {
        lock (_gate)
        {
            _broken = true;
            _changed.TrySetResult();
        }
    }
}
