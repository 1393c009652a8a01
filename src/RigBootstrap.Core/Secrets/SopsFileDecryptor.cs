using System.Security.Cryptography;
using RigBootstrap.Age;
using RigBootstrap.Core.Adapters;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Opens a SOPS file with the host's age identity: unwraps the data key in process (one working recipient
/// is enough), then decrypts and authenticates every value in process. The data key is zeroed after use.
/// </summary>
public sealed class SopsFileDecryptor
{
    private const int DataKeySize = 32;

    private readonly IAge _age;

    public SopsFileDecryptor(IAge age) => _age = age;

    /// <summary>
    /// Throws <see cref="SopsException"/> (NotARecipient, Tampered, Malformed); an <see cref="AgeException"/> about the
    /// identity itself (missing, unreadable) passes through.
    /// </summary>
    /// <param name="hostRecipient">When known, its `age` entry is tried first, and a file that does not list it is refused without trying the others.</param>
    public async Task<SopsPlaintext> DecryptAsync(string filePath, string identityPath, string? hostRecipient, CancellationToken cancellationToken)
    {
        var document = SopsFileReader.Read(filePath);
        var dataKey = await UnwrapDataKeyAsync(document, identityPath, hostRecipient, cancellationToken);
        try
        {
            return SopsDocumentDecryptor.Decrypt(document, dataKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private async Task<byte[]> UnwrapDataKeyAsync(SopsDocument document, string identityPath, string? hostRecipient, CancellationToken cancellationToken)
    {
        var entries = document.Metadata.AgeRecipients;
        if (hostRecipient is not null)
        {
            if (!entries.Any(e => e.Recipient == hostRecipient))
            {
                throw NotARecipient(document, hostRecipient);
            }

            // The recipient field is not authenticated, so it only orders the attempts.
            entries = [.. entries.OrderBy(e => e.Recipient == hostRecipient ? 0 : 1)];
        }

        foreach (var entry in entries)
        {
            byte[] dataKey;
            try
            {
                dataKey = await _age.DecryptAsync(entry.EncryptedDataKey, identityPath, cancellationToken);
            }
            catch (AgeException ex) when (ex.Kind is AgeErrorKind.NoIdentityMatched)
            {
                continue;
            }
            catch (AgeException ex) when (ex.Kind is AgeErrorKind.ArmorInvalid or AgeErrorKind.HeaderInvalid or AgeErrorKind.HeaderMacMismatch or AgeErrorKind.PayloadInvalid)
            {
                throw new SopsException(SopsErrorKind.Tampered, document.FilePath, $"the age entry for {entry.Recipient} is damaged: {ex.Message}", ex);
            }

            if (dataKey.Length != DataKeySize)
            {
                CryptographicOperations.ZeroMemory(dataKey);
                throw new SopsException(SopsErrorKind.Tampered, document.FilePath,
                    $"the age entry for {entry.Recipient} holds {dataKey.Length} bytes, not a {DataKeySize}-byte SOPS data key");
            }

            return dataKey;
        }

        throw NotARecipient(document, hostRecipient);
    }

    private static SopsException NotARecipient(SopsDocument document, string? hostRecipient)
    {
        var metadata = document.Metadata;
        var offered = $"it lists {metadata.AgeRecipients.Length} age recipient(s)"
            + (metadata.OtherRecipientCount > 0 ? $" and {metadata.OtherRecipientCount} other key(s) this host cannot use" : "");
        var who = hostRecipient ?? "this host's age key";
        return new SopsException(SopsErrorKind.NotARecipient, document.FilePath,
            $"{who} is not a recipient ({offered}); add it to .sops.yaml, run `sops updatekeys` on the file and deploy it again");
    }
}
