namespace RigBootstrap.Core.Adapters;

/// <summary>The git failures a caller acts on differently.</summary>
public enum GitErrorKind
{
    /// <summary>The repository address carries a password or token; it would end up in argv and logs.</summary>
    CredentialsInAddress,

    /// <summary>The clone itself failed (network, authentication, no such repository): may pass on a later try.</summary>
    CloneFailed,

    /// <summary>The clone worked, but the pinned commit is not in it: retrying cannot help.</summary>
    CommitNotFound,

    /// <summary>The directory is not a checkout git can read.</summary>
    NotACheckout,

    /// <summary>Anything else: checkout failed, a timeout, output we cannot parse.</summary>
    Failed,
}
