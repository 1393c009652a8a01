using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Steps;

/// <summary>An account a step signs in with: the user name, and the name of the secret that holds its password.</summary>
public sealed record AccountSecret(string User, string PasswordSecret, ISecretValues Secrets)
{
    /// <summary>The credentials, or null when the secrets have no <see cref="PasswordSecret"/>.</summary>
    public async Task<AccountCredentials?> ResolveAsync(CancellationToken cancellationToken) =>
        await Secrets.FindAsync(PasswordSecret, cancellationToken) is { } password ? new AccountCredentials(User, password) : null;
}
