namespace RigBootstrap.Core.Config;

/// <summary>One generic password: its service and account, and the name of the secret holding its value.</summary>
public sealed record KeychainItemConfig
{
    public required string Service { get; init; }

    public required string Account { get; init; }

    /// <summary>The secret's name in the decrypted env file, never its value.</summary>
    public required string Secret { get; init; }
}
