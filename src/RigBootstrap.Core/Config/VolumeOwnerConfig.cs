namespace RigBootstrap.Core.Config;

/// <summary>The volume owner `softwareupdate` authenticates as on Apple Silicon, and the secret holding its password.</summary>
public sealed record VolumeOwnerConfig
{
    public required string User { get; init; }

    public required string PasswordSecret { get; init; }
}
