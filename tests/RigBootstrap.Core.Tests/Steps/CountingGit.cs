using RigBootstrap.Core.Adapters;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>Passes calls to a real <see cref="IGit"/> and counts the clones, to prove a clone is not done twice.</summary>
public sealed class CountingGit(IGit inner) : IGit
{
    public int Clones { get; private set; }

    public Task CloneAtAsync(string repository, string sha, string targetDirPath, CancellationToken cancellationToken)
    {
        Clones++;
        return inner.CloneAtAsync(repository, sha, targetDirPath, cancellationToken);
    }

    public Task<string> HeadAsync(string dirPath, CancellationToken cancellationToken) => inner.HeadAsync(dirPath, cancellationToken);
}
