namespace RigBootstrap.Core.Config;

/// <summary>The user to log in automatically and the secret holding that user's password.</summary>
public sealed record AutologinConfig
{
    public required string User { get; init; }

    public required string PasswordSecret { get; init; }
}
