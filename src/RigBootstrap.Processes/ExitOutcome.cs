namespace RigBootstrap.Processes;

/// <summary>How the wait for a child's exit ended: on its own, or after we stopped it.</summary>
internal readonly record struct ExitOutcome(ClockReading Exit)
{
    public bool TimedOut { get; init; }

    public bool Canceled { get; init; }

    public bool TerminatedGracefully { get; init; }

    public bool Stopped => TimedOut || Canceled;
}
