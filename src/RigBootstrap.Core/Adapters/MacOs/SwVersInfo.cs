namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>What <c>sw_vers</c> says about the running macOS: <c>macOS</c>, <c>15.1</c>, <c>24B83</c>.</summary>
public sealed record SwVersInfo
{
    /// <summary><c>macOS</c>; Catalina and earlier print <c>Mac OS X</c>.</summary>
    public required string ProductName { get; init; }

    public required MacOsVersion ProductVersion { get; init; }

    /// <summary>Apple's build number, such as <c>24G231</c>; a beta build ends in a letter.</summary>
    public required string BuildVersion { get; init; }
}
