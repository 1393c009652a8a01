namespace RigBootstrap.Core.Downloads;

/// <summary>How a finished download ended, as values (docs/style.md 7): the verified file, or the hash that did not match.</summary>
public abstract record DownloadOutcome
{
    private DownloadOutcome()
    {
    }

    /// <summary>The archive is complete and its SHA-256 matched; <paramref name="FilePath"/> holds it.</summary>
    public sealed record Verified(string FilePath, long Bytes) : DownloadOutcome;

    /// <summary>The bytes hashed to <paramref name="ActualSha256"/>, not the pinned one; the file is deleted.</summary>
    public sealed record HashMismatch(string ActualSha256, long Bytes) : DownloadOutcome;
}
