namespace RigBootstrap.Core.Adapters;

/// <summary>What <c>xcodebuild -version</c> reports: <c>Xcode 16 beta6</c> / <c>Build version 16A5230g</c>.</summary>
public sealed record XcodeVersionInfo
{
    /// <summary>The numbers as printed: <c>8.2.1</c>, <c>13.2.1</c>, or <c>16</c> for a major-only beta.</summary>
    public required string Version { get; init; }

    /// <summary>What follows the numbers, such as <c>beta6</c>; null for a release.</summary>
    public string? Qualifier { get; init; }

    /// <summary>Apple's build number, such as <c>13C100</c>: the one value that tells two betas apart.</summary>
    public required string Build { get; init; }
}
