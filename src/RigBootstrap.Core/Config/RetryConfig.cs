namespace RigBootstrap.Core.Config;

/// <summary>How many times a command step is tried, and how long to wait between tries.</summary>
public sealed record RetryConfig
{
    /// <summary>Tries in all, the first included (1..100).</summary>
    public int Attempts { get; init; } = 3;

    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(30);
}
