namespace RigBootstrap.Core.Config;

/// <summary>The SOPS file to decrypt and the dotenv file its values are written to.</summary>
public sealed record SecretsConfig
{
    public required string Source { get; init; }

    public required string EnvFile { get; init; }
}
