using System.Security.Cryptography;
using System.Text;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// Keychains on the simulated Mac: one 0600 file per item under the simulator's `keychain` folder, named by a hash of
/// keychain, service and account (so no name needs escaping). A locked keychain refuses like `security` under launchd;
/// with a login window, a user's login keychain is unlocked only while that user is logged in at the GUI (the session
/// the real adapter joins with `launchctl asuser`).
/// </summary>
public sealed class SimulatedKeychain(SimulatedMac mac, SimulatedLoginWindow? loginWindow = null) : IKeychain
{
    public string DirPath => Path.Join(mac.DirPath, "keychain");

    private string LockedDirPath => Path.Join(DirPath, "locked");

    public Task<bool> ExistsAsync(KeychainFile keychain, string service, string account, CancellationToken cancellationToken)
    {
        ThrowIfLocked(keychain, service, account);
        return Task.FromResult(File.Exists(ItemPath(keychain, service, account)));
    }

    public async Task<string?> ReadAsync(KeychainFile keychain, string service, string account, CancellationToken cancellationToken)
    {
        ThrowIfLocked(keychain, service, account);
        var itemPath = ItemPath(keychain, service, account);
        return File.Exists(itemPath) ? await File.ReadAllTextAsync(itemPath, cancellationToken) : null;
    }

    public Task SetAsync(KeychainFile keychain, string service, string account, string secret, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ThrowIfLocked(keychain, service, account);
        Directory.CreateDirectory(DirPath);
        SecretFile.WriteAtomically(ItemPath(keychain, service, account), secret);
        return Task.CompletedTask;
    }

    /// <summary>Locks the keychain, as a login keychain is while its user is not logged in.</summary>
    public void Lock(KeychainFile keychain)
    {
        Directory.CreateDirectory(LockedDirPath);
        File.WriteAllText(Path.Join(LockedDirPath, Hash(keychain.Path)), keychain.Path + "\n");
    }

    public void Unlock(KeychainFile keychain) => File.Delete(Path.Join(LockedDirPath, Hash(keychain.Path)));

    private void ThrowIfLocked(KeychainFile keychain, string service, string account)
    {
        var outsideSession = loginWindow is not null && keychain.UserName is { } user && loginWindow.ConsoleUser != user;
        if (outsideSession || File.Exists(Path.Join(LockedDirPath, Hash(keychain.Path))))
        {
            var item = $"service \"{service}\" account \"{account}\" in {keychain}";
            throw new KeychainException(SecurityErrorKind.InteractionNotAllowed,
                $"could not reach the keychain item: {SecurityExitCodes.Describe(SecurityErrorKind.InteractionNotAllowed, item)} (exit {SecurityExitCodes.InteractionNotAllowed}).");
        }
    }

    private string ItemPath(KeychainFile keychain, string service, string account) =>
        Path.Join(DirPath, Hash(keychain.Path + "\0" + service + "\0" + account) + ".item");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
