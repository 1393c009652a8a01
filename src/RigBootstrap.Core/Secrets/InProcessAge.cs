using System.Security.Cryptography;
using System.Text;
using RigBootstrap.Age;
using RigBootstrap.Core.Adapters;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// <see cref="IAge"/> in process (RigBootstrap.Age, docs/adr/0002-age-in-process.md): no `age` or `age-keygen` is
/// run, so a Mac fresh out of the box can make its key and open its secrets.
/// </summary>
public sealed class InProcessAge : IAge
{
    private readonly TimeProvider _time;

    public InProcessAge(TimeProvider time) => _time = time;

    public Task<string> GenerateKeyAsync(string keyPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(AgeKeyFileCreator.Create(keyPath, _time));
    }

    public Task<string> ReadRecipientAsync(string keyPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var file = ReadIdentities(keyPath);
        return Task.FromResult(file.Identities[0].Recipient.ToString());
    }

    public Task<byte[]> DecryptAsync(string armoredText, string identityPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var file = ReadIdentities(identityPath);
        return Task.FromResult(AgeDecryptor.Decrypt(Encoding.ASCII.GetBytes(armoredText), file.Identities));
    }

    private static IdentityFile ReadIdentities(string keyPath)
    {
        try
        {
            return IdentityFile.Read(keyPath);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException and not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new AgeException(AgeErrorKind.KeyFileUnreadable, $"the age key {keyPath} cannot be read: {ex.Message}");
        }
    }
}
