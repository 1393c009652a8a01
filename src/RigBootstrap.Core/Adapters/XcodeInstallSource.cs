namespace RigBootstrap.Core.Adapters;

/// <summary>
/// Where `xcodes install` gets the archive: a local `.xip` (`--path`, no Apple ID needed), or Apple's site with an
/// Apple ID given as `XCODES_USERNAME`/`XCODES_PASSWORD`, or neither (an xcodes already signed in as root).
/// </summary>
/// <remarks>An Apple ID with two-factor authentication still asks for a code, which nobody answers on a fleet host: prefer a local `.xip`.</remarks>
public sealed record XcodeInstallSource
{
    public static XcodeInstallSource Default { get; } = new();

    /// <summary>A host path to a downloaded `Xcode_*.xip`.</summary>
    public string? XipPath { get; init; }

    public AccountCredentials? AppleId { get; init; }
}
