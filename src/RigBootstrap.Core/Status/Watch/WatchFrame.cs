namespace RigBootstrap.Core.Status.Watch;

/// <summary>
/// What `status --watch` prints for one reading of the state: <see cref="Text"/> is written only when
/// <see cref="Key"/> differs from the last frame's, so a rewrite of the state that changes nothing shown prints nothing.
/// A notice (there is no state file yet) is about the watch, not the state: JSON output sends it to stderr.
/// </summary>
public sealed record WatchFrame(string Key, string Text, bool IsNotice = false);
