using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Events;

/// <summary>Where the event outbox lives: an `events` directory in the state directory, beside state.json.</summary>
public sealed record OutboxPaths
{
    public required string DirPath { get; init; }

    /// <summary>Append-only JSON lines, 0644, no secrets (like the journal, docs/design.md §5).</summary>
    public string OutboxPath => Path.Join(DirPath, "outbox.jsonl");

    /// <summary>The last delivered sequence, replaced atomically.</summary>
    public string CursorPath => Path.Join(DirPath, "delivered.json");

    /// <summary>Held by the one process that appends and delivers (the `run` that holds the state).</summary>
    public string LockPath => Path.Join(DirPath, "outbox.lock");

    public static OutboxPaths For(HostPaths paths) => new() { DirPath = Path.Join(paths.StateDirPath, "events") };
}
