namespace RigBootstrap.Core.Config;

/// <summary>The fleet agent to deploy: repository, pinned commit, its launchd label and how often its pull loop runs.</summary>
public sealed record FirstDeployConfig
{
    public required string Repository { get; init; }

    /// <summary>A full 40-character lowercase hex commit id.</summary>
    public required string Sha { get; init; }

    public required string AgentLabel { get; init; }

    /// <summary>The agent's pull loop: its LaunchAgent's StartInterval (`steps.firstDeploy.startIntervalSeconds`).</summary>
    public int StartIntervalSeconds { get; init; } = DefaultStartIntervalSeconds;

    /// <summary>The fleet plan's loop: every 5 minutes.</summary>
    public const int DefaultStartIntervalSeconds = 300;
}
