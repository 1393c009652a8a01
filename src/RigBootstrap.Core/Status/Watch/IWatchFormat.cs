using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status.Watch;

/// <summary>How `status --watch` shows each reading: a line per change, a redrawn terminal view, or a JSON object per line.</summary>
public interface IWatchFormat
{
    WatchFrame Frame(StateFile state, DateTimeOffset now);

    /// <summary>Said once while there is no state file yet (or no longer): the watch waits for one.</summary>
    WatchFrame Absent(string statePath, DateTimeOffset now);
}
