namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>What `xip --expand` said: the signing certificate it named, the archive it expanded, and its error line.</summary>
public sealed record XipExpandOutput
{
    /// <summary>`Software Update` for Apple's archives (`xip: signing certificate was "…"`); null when not printed.</summary>
    public string? SigningCertificate { get; init; }

    /// <summary>The archive as quoted in `xip: expanded items from "…"`; null when xip did not get that far.</summary>
    public string? ExpandedFrom { get; init; }

    /// <summary>The text after `xip: error: `; null when there was none.</summary>
    public string? Error { get; init; }
}
