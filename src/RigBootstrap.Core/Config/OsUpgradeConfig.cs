namespace RigBootstrap.Core.Config;

/// <summary>The lowest macOS version the host must run, such as <c>15.1</c>.</summary>
public sealed record OsUpgradeConfig
{
    public required string MinimumVersion { get; init; }
}
