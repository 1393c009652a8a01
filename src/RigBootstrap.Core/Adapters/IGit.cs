namespace RigBootstrap.Core.Adapters;

/// <summary>The two git operations a deploy needs: a checkout of one pinned commit, and what a checkout holds.</summary>
public interface IGit
{
    /// <summary>
    /// Clones <paramref name="repository"/> into <paramref name="targetDirPath"/> (which must not exist) and checks
    /// out <paramref name="sha"/> detached. Throws <see cref="GitException"/>; <see cref="GitErrorKind.CommitNotFound"/>
    /// when the repository has no such commit.
    /// </summary>
    Task CloneAtAsync(string repository, string sha, string targetDirPath, CancellationToken cancellationToken);

    /// <summary>The full commit id checked out in <paramref name="dirPath"/> (`git rev-parse HEAD`).</summary>
    Task<string> HeadAsync(string dirPath, CancellationToken cancellationToken);
}
