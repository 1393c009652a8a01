namespace RigBootstrap.Core.Config;

/// <summary>The pinned Xcode version, such as <c>16.2</c>.</summary>
public sealed record XcodeConfig
{
    public required string Version { get; init; }
}
