using System.Collections.Immutable;

namespace RigBootstrap.Core.Config;

/// <summary>
/// The pinned Xcode version, such as <c>16.2</c>, and where it comes from: a <c>.xip</c> archive (a URL or a host
/// path, pinned by its SHA-256), or xcodes signed in with an Apple ID. Exactly one source is configured.
/// </summary>
public sealed record XcodeConfig
{
    /// <summary>The platforms `xcodebuild -downloadPlatform` accepts (xcodebuild(1), Xcode 15 and later).</summary>
    public static readonly ImmutableArray<string> KnownPlatforms = ["iOS", "watchOS", "tvOS", "visionOS"];

    public required string Version { get; init; }

    /// <summary>The archive to install from, without an Apple ID; null when xcodes installs it.</summary>
    public XipSourceConfig? Xip { get; init; }

    /// <summary>xcodes with an Apple ID from the secrets; null when the archive is configured.</summary>
    public XcodesAccountConfig? Xcodes { get; init; }

    /// <summary>Simulator runtimes to download after the first launch, in order.</summary>
    public ImmutableArray<string> Platforms { get; init; } = [];
}
