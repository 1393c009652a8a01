namespace RigBootstrap.Core.Adapters;

/// <summary>A git run failed; the message names the repository or directory and the fix, never a credential.</summary>
public sealed class GitException(GitErrorKind kind, string message) : Exception(message)
{
    public GitErrorKind Kind { get; } = kind;
}
