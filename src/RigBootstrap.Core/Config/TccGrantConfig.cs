namespace RigBootstrap.Core.Config;

/// <summary>One TCC grant: the service, and the client (absolute path or bundle id) that needs it.</summary>
public sealed record TccGrantConfig
{
    public required string Service { get; init; }

    public required string Client { get; init; }
}
