namespace RigBootstrap.Core.State;

/// <summary>Marks a `run` in progress; finding it set in the same boot means the last run crashed.</summary>
public sealed record RunMarker
{
    public required bool Active { get; init; }

    public required string BootId { get; init; }

    public required int Pid { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Initial, ResumeAfterReboot, UnexpectedReboot, ResumeAfterCrash or Restart.</summary>
    public required string RunType { get; init; }
}
