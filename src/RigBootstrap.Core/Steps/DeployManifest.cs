namespace RigBootstrap.Core.Steps;

/// <summary>
/// `~/.rig/manifest.json`: what first-deploy put in place, so the probe and the handoff can tell it is still there.
/// It holds hashes only: the env file's sha256, never its content (docs/invariants.md I6).
/// </summary>
public sealed record DeployManifest
{
    public int SchemaVersion { get; init; } = 1;

    public required string Sha { get; init; }

    public required string Repository { get; init; }

    public required string AgentLabel { get; init; }

    /// <summary>The plist (macOS) or unit (Linux) as written on this host.</summary>
    public required string ServiceDefinitionPath { get; init; }

    public required string ServiceDefinitionSha256 { get; init; }

    /// <summary>The sha256 of the secrets step's env file as the agent reads it; null without one.</summary>
    public string? EnvFileSha256 { get; init; }
}
