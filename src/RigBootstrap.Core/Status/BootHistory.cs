namespace RigBootstrap.Core.Status;

/// <summary>One boot as the journal saw it: its number in order of appearance, first and last entry, runs, reboots and halts.</summary>
public sealed record BootHistory
{
    public required int Number { get; init; }

    public required string BootId { get; init; }

    public required DateTimeOffset FirstAt { get; init; }

    public required DateTimeOffset LastAt { get; init; }

    /// <summary>How many times `run` started in this boot (more than one: a crash, a retry or a restart).</summary>
    public int Runs { get; init; }

    public int RebootsRequested { get; init; }

    public int Halts { get; init; }
}
