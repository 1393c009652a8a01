namespace RigBootstrap.Core.State;

/// <summary>How far a long step's transfer has come (the xcode step's archive download), persisted at a coarse pace.</summary>
public sealed record StepProgress
{
    public required long BytesDone { get; init; }

    /// <summary>The whole size, when known.</summary>
    public long? BytesTotal { get; init; }

    /// <summary>The rate in the current run, when measured.</summary>
    public long? BytesPerSecond { get; init; }

    /// <summary>When these figures were taken.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
