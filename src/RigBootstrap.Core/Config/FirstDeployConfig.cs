namespace RigBootstrap.Core.Config;

/// <summary>The fleet agent to deploy: repository, pinned commit and its LaunchDaemon label.</summary>
public sealed record FirstDeployConfig
{
    public required string Repository { get; init; }

    /// <summary>A full 40-character lowercase hex commit id.</summary>
    public required string Sha { get; init; }

    public required string AgentLabel { get; init; }
}
