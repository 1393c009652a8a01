using System.Security.Cryptography;

namespace RigBootstrap.Age;

/// <summary>Encrypts to one or more X25519 recipients, binary or armored, as `age -e -r … [-a]` does.</summary>
public static class AgeEncryptor
{
    public static void Encrypt(Stream plaintext, IReadOnlyList<X25519Recipient> recipients, Stream output, bool armor)
    {
        if (recipients.Count == 0)
        {
            throw new AgeException(AgeErrorKind.RecipientInvalid, "no recipients: name at least one age1… recipient");
        }

        var fileKey = RandomNumberGenerator.GetBytes(AgeKdf.FileKeySize);
        var nonce = RandomNumberGenerator.GetBytes(AgeKdf.NonceSize);
        var payloadKey = AgeKdf.PayloadKey(fileKey, nonce);
        try
        {
            var header = HeaderWriter.Write([.. recipients.Select(r => r.Wrap(fileKey))], fileKey);
            if (!armor)
            {
                output.Write(header);
                output.Write(nonce);
                PayloadEncryptor.Encrypt(plaintext, payloadKey, output);
                return;
            }

            // Armor wraps the whole binary file; age's armor is for text-sized messages, so it is built in memory.
            using var binary = new MemoryStream();
            binary.Write(header);
            binary.Write(nonce);
            PayloadEncryptor.Encrypt(plaintext, payloadKey, binary);
            output.Write(System.Text.Encoding.ASCII.GetBytes(AgeArmor.Encode(binary.GetBuffer().AsSpan(0, (int)binary.Length))));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
            CryptographicOperations.ZeroMemory(payloadKey);
        }
    }

    /// <summary>Encrypts bytes held in memory and returns the armored message (`-----BEGIN AGE ENCRYPTED FILE-----` … END line and newline).</summary>
    public static string EncryptArmored(ReadOnlySpan<byte> plaintext, IReadOnlyList<X25519Recipient> recipients)
    {
        using var output = new MemoryStream();
        Encrypt(new MemoryStream(plaintext.ToArray(), writable: false), recipients, output, armor: true);
        return System.Text.Encoding.ASCII.GetString(output.ToArray());
    }
}
