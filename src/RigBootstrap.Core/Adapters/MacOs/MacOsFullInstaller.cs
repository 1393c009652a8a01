namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>One row of <c>softwareupdate --list-full-installers</c> (Big Sur and later).</summary>
public sealed record MacOsFullInstaller
{
    /// <summary><c>macOS Sonoma</c>.</summary>
    public required string Title { get; init; }

    public required MacOsVersion Version { get; init; }

    /// <summary>Null when missing or unreadable.</summary>
    public long? SizeKiB { get; init; }

    /// <summary><c>23D56</c>.</summary>
    public required string Build { get; init; }

    public bool Deferred { get; init; }
}
