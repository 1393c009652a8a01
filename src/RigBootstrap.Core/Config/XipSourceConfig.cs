namespace RigBootstrap.Core.Config;

/// <summary>An Xcode <c>.xip</c>: downloaded from <see cref="Url"/> or read at the host path <see cref="Path"/>, never both.</summary>
public sealed record XipSourceConfig
{
    /// <summary>An https URL (plain http only to a loopback host); the download resumes with HTTP Range requests.</summary>
    public string? Url { get; init; }

    /// <summary>A host path to an archive already on the host (copied there by MDM, or on a mounted volume).</summary>
    public string? Path { get; init; }

    /// <summary>The archive's SHA-256, lowercase hex: checked before anything is expanded or installed.</summary>
    public required string Sha256 { get; init; }
}
