namespace RigBootstrap.Core.Config;

/// <summary>The fleet agent to hand the host over to, and how long it must be healthy first.</summary>
public sealed record HandoffConfig
{
    public required string AgentLabel { get; init; }

    /// <summary>How long the agent must stay healthy before we hand over.</summary>
    public TimeSpan StableFor { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long to wait for the agent to become healthy at all.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);
}
