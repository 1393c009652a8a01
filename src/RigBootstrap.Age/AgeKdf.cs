using System.Security.Cryptography;
using System.Text;

namespace RigBootstrap.Age;

/// <summary>The key schedule of age v1 (HKDF-SHA-256 and HMAC-SHA-256 from the BCL), and its constants.</summary>
internal static class AgeKdf
{
    public const int FileKeySize = 16;
    public const int NonceSize = 16;
    public const int KeySize = 32;
    public const int TagSize = 16;
    public const string VersionLine = "age-encryption.org/v1";

    /// <summary>The header MAC: HMAC-SHA-256 keyed with HKDF(file key, salt empty, info "header") over the header up to `---`.</summary>
    public static byte[] HeaderMac(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> macedBytes)
    {
        Span<byte> macKey = stackalloc byte[KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, macKey, salt: [], info: "header"u8);
        try
        {
            return HMACSHA256.HashData(macKey, macedBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(macKey);
        }
    }

    /// <summary>The payload key: HKDF(file key, salt nonce, info "payload").</summary>
    public static byte[] PayloadKey(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> nonce)
    {
        var key = new byte[KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, key, nonce, "payload"u8);
        return key;
    }

    /// <summary>The X25519 wrapping key: HKDF(shared secret, salt share ‖ recipient, info "age-encryption.org/v1/X25519").</summary>
    public static byte[] X25519WrapKey(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> share, ReadOnlySpan<byte> recipient)
    {
        Span<byte> salt = stackalloc byte[share.Length + recipient.Length];
        share.CopyTo(salt);
        recipient.CopyTo(salt[share.Length..]);
        var key = new byte[KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, sharedSecret, key, salt, Encoding.ASCII.GetBytes("age-encryption.org/v1/X25519"));
        return key;
    }
}
