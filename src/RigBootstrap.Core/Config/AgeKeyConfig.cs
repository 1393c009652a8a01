namespace RigBootstrap.Core.Config;

/// <summary>Where the host's age key lives (it is never regenerated once it exists).</summary>
public sealed record AgeKeyConfig
{
    public required string Path { get; init; }
}
