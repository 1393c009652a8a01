namespace RigBootstrap.Core.Adapters;

/// <summary>Generic passwords in a named keychain (docs/design.md §4 `keychain`): look one up, read it back, set it.</summary>
/// <remarks>Failures throw <see cref="KeychainException"/>; a value never appears in argv, a message or a log (docs/invariants.md I6).</remarks>
public interface IKeychain
{
    /// <summary>True when an item with this service and account exists (`find-generic-password`; exit 44 means absent).</summary>
    Task<bool> ExistsAsync(KeychainFile keychain, string service, string account, CancellationToken cancellationToken);

    /// <summary>The item's value, or null when there is no such item. The caller treats the value as a secret.</summary>
    Task<string?> ReadAsync(KeychainFile keychain, string service, string account, CancellationToken cancellationToken);

    /// <summary>Adds the item, or updates it in place when it exists (`add-generic-password -U`).</summary>
    /// <exception cref="ArgumentException">The service, account or value cannot be passed to the tool (see the implementation).</exception>
    Task SetAsync(KeychainFile keychain, string service, string account, string secret, CancellationToken cancellationToken);
}
