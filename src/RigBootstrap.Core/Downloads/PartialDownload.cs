namespace RigBootstrap.Core.Downloads;

/// <summary>
/// The sidecar of a partial file: which URL and pinned hash its bytes belong to, and the server's validator for them,
/// so a resumed request asks "these bytes, if still the same entity" (RFC 9110 §13.1.5 If-Range).
/// </summary>
public sealed record PartialDownload
{
    public required string Url { get; init; }

    public required string Sha256 { get; init; }

    /// <summary>A strong ETag, else the Last-Modified date as sent; null when the server gave neither.</summary>
    public string? Validator { get; init; }

    public long? TotalBytes { get; init; }
}
