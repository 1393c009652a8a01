using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace RigBootstrap.Age;

/// <summary>
/// An X25519 identity (`AGE-SECRET-KEY-1…`): unwraps `-> X25519` stanzas. Holds the secret scalar; dispose it to zero it.
/// Curve arithmetic is BouncyCastle's RFC 7748 implementation, never ours.
/// </summary>
public sealed class X25519Identity : IDisposable
{
    public const string Hrp = "age-secret-key-";

    private readonly byte[] _secret;

    private X25519Identity(byte[] secret)
    {
        _secret = secret;
        var publicKey = new byte[X25519.PointSize];
        X25519.ScalarMultBase(_secret, 0, publicKey, 0);
        Recipient = X25519Recipient.FromPublicKey(publicKey);
    }

    public X25519Recipient Recipient { get; }

    /// <summary>A new identity from the system's CSPRNG.</summary>
    public static X25519Identity Generate()
    {
        var secret = new byte[X25519.ScalarSize];
        RandomNumberGenerator.Fill(secret);
        return new X25519Identity(secret);
    }

    /// <summary>Parses `AGE-SECRET-KEY-1…`; throws <see cref="AgeException"/> (KeyFileUnreadable) naming what is wrong, never the key.</summary>
    public static X25519Identity Parse(string text)
    {
        string hrp;
        byte[] data;
        try
        {
            (hrp, data) = Bech32.Decode(text);
        }
        catch (FormatException ex)
        {
            throw new AgeException(AgeErrorKind.KeyFileUnreadable, $"not an age identity: {ex.Message}");
        }

        if (hrp != Hrp || text != text.ToUpperInvariant() || data.Length != X25519.ScalarSize)
        {
            CryptographicOperations.ZeroMemory(data);
            throw new AgeException(AgeErrorKind.KeyFileUnreadable,
                $"not an X25519 age identity: expected upper-case AGE-SECRET-KEY-1… holding {X25519.ScalarSize} bytes (got {hrp.ToUpperInvariant()}1…, {data.Length} bytes)");
        }

        return new X25519Identity(data);
    }

    /// <summary>The identity's text form, `AGE-SECRET-KEY-1…` (secret: write it only to a 0600 file).</summary>
    public string Encode() => Bech32.Encode(Hrp, _secret).ToUpperInvariant();

    /// <summary>
    /// The file key when the stanza is an X25519 stanza for this identity; null when it is another type or for another
    /// key. A malformed X25519 stanza throws (HeaderInvalid), as the spec makes it fatal rather than "not mine".
    /// </summary>
    internal byte[]? Unwrap(AgeStanza stanza)
    {
        if (stanza.Type != X25519Recipient.StanzaType)
        {
            return null;
        }

        var share = ValidShare(stanza);
        var shared = new byte[X25519.PointSize];
        byte[]? wrapKey = null;
        try
        {
            if (!X25519.CalculateAgreement(_secret, 0, share, 0, shared, 0))
            {
                throw new AgeException(AgeErrorKind.HeaderInvalid, "an X25519 stanza's share is a low-order point (the shared secret is all zeros)");
            }

            wrapKey = AgeKdf.X25519WrapKey(shared, share, Recipient.PublicKey.AsSpan());
            var fileKey = new byte[AgeKdf.FileKeySize];
            return ChaChaPoly.TryOpen(wrapKey, new byte[12], stanza.Body.AsSpan(), fileKey) ? fileKey : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    private static byte[] ValidShare(AgeStanza stanza)
    {
        if (stanza.Arguments.Length != 1)
        {
            throw new AgeException(AgeErrorKind.HeaderInvalid, $"an X25519 stanza has {stanza.Arguments.Length} arguments; it must have exactly one (the share)");
        }

        var share = StrictBase64.DecodeUnpadded(stanza.Arguments[0]);
        if (share is null || share.Length != X25519.PointSize)
        {
            throw new AgeException(AgeErrorKind.HeaderInvalid, $"an X25519 stanza's share is not {X25519.PointSize} bytes of canonical unpadded base64");
        }

        // The file key is checked to be 16 bytes before anything is decrypted (C2SP age test kit, x25519_long_file_key).
        if (stanza.Body.Length != AgeKdf.FileKeySize + AgeKdf.TagSize)
        {
            throw new AgeException(AgeErrorKind.HeaderInvalid, $"an X25519 stanza's body is {stanza.Body.Length} bytes; it must be {AgeKdf.FileKeySize + AgeKdf.TagSize} (a wrapped 16-byte file key)");
        }

        return share;
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_secret);
}
