namespace RigBootstrap.Processes;

/// <summary>What happened to one run: exit code, timing, masked output tails and how it ended.</summary>
public sealed record ProcessResult
{
    /// <summary>As observed; a process killed by a signal reports 128 + signal (143 for SIGTERM, 137 for SIGKILL).</summary>
    public required int ExitCode { get; init; }

    public required int Pid { get; init; }

    /// <summary>Taken from the injected clock right after the process started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Taken from the injected clock when the exit was reported.</summary>
    public required DateTimeOffset ExitTime { get; init; }

    /// <summary>Measured on the monotonic clock, so it is immune to wall-clock changes.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The end of stdout, masked, exactly as written (newlines included).</summary>
    public string StdoutTail { get; init; } = "";

    /// <summary>The end of stderr, masked, exactly as written (newlines included).</summary>
    public string StderrTail { get; init; } = "";

    /// <summary>The stdout tail dropped earlier bytes to stay within <see cref="CommandSpec.OutputTailBytes"/>.</summary>
    public bool StdoutTruncated { get; init; }

    /// <summary>The stderr tail dropped earlier bytes to stay within <see cref="CommandSpec.OutputTailBytes"/>.</summary>
    public bool StderrTruncated { get; init; }

    /// <summary>
    /// Reading stopped before end of output: after exit the pipes stayed open longer than
    /// <see cref="CommandSpec.OutputDrainTimeout"/>, typically because a background grandchild holds them.
    /// </summary>
    public bool OutputIncomplete { get; init; }

    /// <summary>The process was stopped because <see cref="CommandSpec.Timeout"/> elapsed.</summary>
    public bool TimedOut { get; init; }

    /// <summary>The process was stopped because the caller's token was canceled.</summary>
    public bool Canceled { get; init; }

    /// <summary>A stopped process exited on SIGTERM within the grace period, without a kill.</summary>
    public bool TerminatedGracefully { get; init; }
}
