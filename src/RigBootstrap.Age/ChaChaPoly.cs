using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace RigBootstrap.Age;

/// <summary>
/// ChaCha20-Poly1305 (RFC 8439) from BouncyCastle, one call per message; the BCL's needs OpenSSL or CryptoKit at run
/// time (docs/adr/0002-age-in-process.md). Open returns false on a bad tag and releases nothing.
/// </summary>
internal static class ChaChaPoly
{
    public static byte[] Seal(byte[] key, byte[] nonce, ReadOnlySpan<byte> plaintext)
    {
        var cipher = Create(forEncryption: true, key, nonce);
        var output = new byte[plaintext.Length + AgeKdf.TagSize];
        var written = cipher.ProcessBytes(plaintext, output);
        cipher.DoFinal(output.AsSpan(written));
        return output;
    }

    /// <summary>Decrypts into <paramref name="plaintext"/> (ciphertext length minus the tag); false when the tag does not match.</summary>
    public static bool TryOpen(byte[] key, byte[] nonce, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        var cipher = Create(forEncryption: false, key, nonce);
        try
        {
            // BouncyCastle buffers the last 16 bytes as the tag and checks it in DoFinal before this returns.
            var written = cipher.ProcessBytes(ciphertext, plaintext);
            cipher.DoFinal(plaintext[written..]);
            return true;
        }
        catch (InvalidCipherTextException)
        {
            // A wrong tag is an expected answer ("not for this key" or "tampered"); the caller words it.
            plaintext.Clear();
            return false;
        }
    }

    private static ChaCha20Poly1305 Create(bool forEncryption, byte[] key, byte[] nonce)
    {
        var cipher = new ChaCha20Poly1305();
        cipher.Init(forEncryption, new AeadParameters(new KeyParameter(key), AgeKdf.TagSize * 8, nonce));
        return cipher;
    }
}
