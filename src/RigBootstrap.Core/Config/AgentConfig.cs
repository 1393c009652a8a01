namespace RigBootstrap.Core.Config;

/// <summary>The user the fleet agent runs as, and that user's home directory.</summary>
public sealed record AgentConfig
{
    public required string User { get; init; }

    public required string Home { get; init; }
}
