using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Events;

/// <summary>Where the event outbox lives: an `events` directory in the state directory, beside state.json.</summary>
public sealed record OutboxPaths
{
    public required string DirPath { get; init; }

    /// <summary>The outbox file of earlier builds: delivered first, then removed; nothing writes it any more.</summary>
    public string OutboxPath => Path.Join(DirPath, "outbox.jsonl");

    /// <summary>How far delivery is in the journal, replaced atomically (<see cref="DeliveryCursor"/>).</summary>
    public string CursorPath => Path.Join(DirPath, "delivered.json");

    /// <summary>Held by the one process that delivers (the `run` that holds the state).</summary>
    public string LockPath => Path.Join(DirPath, "outbox.lock");

    public static OutboxPaths For(HostPaths paths) => new() { DirPath = Path.Join(paths.StateDirPath, "events") };
}
