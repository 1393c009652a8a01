namespace RigBootstrap.Core.Downloads;

/// <summary>A download's progress at one moment: bytes on disk, the total when the server told it, and this run's rate.</summary>
public sealed record DownloadProgress
{
    public required long BytesDone { get; init; }

    /// <summary>The archive's full size; null until a response has named it (Content-Length or Content-Range).</summary>
    public long? BytesTotal { get; init; }

    /// <summary>Bytes per second received in this run; null before any byte has arrived.</summary>
    public long? BytesPerSecond { get; init; }

    public required DateTimeOffset At { get; init; }
}
