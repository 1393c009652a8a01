using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status.Watch;

/// <summary>
/// The full `status` view, redrawn in place on a terminal: cursor home and erase the screen (ECMA-48 CUP and ED 2),
/// then the view. Redrawn when the state file's content changes.
/// </summary>
public sealed class TerminalWatchFormat : IWatchFormat
{
    public const string ClearScreen = "\u001b[H\u001b[2J";

    public WatchFrame Frame(StateFile state, DateTimeOffset now) =>
        new(StateFileStore.Serialize(state), $"{ClearScreen}{StatusRenderer.Render(state, now)}\n  watching; Ctrl-C to stop\n");

    public WatchFrame Absent(string statePath, DateTimeOffset now) =>
        new($"absent {statePath}", $"{ClearScreen}{WatchText.Absent(statePath)}\n  watching; Ctrl-C to stop\n", IsNotice: true);
}
