using System.Collections.Immutable;
using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc7748;

namespace RigBootstrap.Age;

/// <summary>An X25519 recipient (`age1…`): wraps a file key into an `-> X25519 share` stanza (age-encryption.org/v1, "X25519").</summary>
public sealed record X25519Recipient
{
    public const string Hrp = "age";
    internal const string StanzaType = "X25519";

    private X25519Recipient(ImmutableArray<byte> publicKey) => PublicKey = publicKey;

    /// <summary>The 32-byte Montgomery u-coordinate.</summary>
    public ImmutableArray<byte> PublicKey { get; }

    /// <summary>Parses `age1…`; throws <see cref="AgeException"/> (RecipientInvalid) naming what is wrong.</summary>
    public static X25519Recipient Parse(string text)
    {
        string hrp;
        byte[] data;
        try
        {
            (hrp, data) = Bech32.Decode(text);
        }
        catch (FormatException ex)
        {
            throw new AgeException(AgeErrorKind.RecipientInvalid, $"'{text}' is not an age recipient: {ex.Message}");
        }

        if (hrp != Hrp || text != text.ToLowerInvariant() || data.Length != X25519.PointSize)
        {
            throw new AgeException(AgeErrorKind.RecipientInvalid,
                $"'{text}' is not an X25519 age recipient: expected lower-case age1… holding {X25519.PointSize} bytes (got {hrp}1…, {data.Length} bytes)");
        }

        return new X25519Recipient([.. data]);
    }

    internal static X25519Recipient FromPublicKey(ReadOnlySpan<byte> publicKey) => new([.. publicKey]);

    /// <summary>Wraps the file key for this recipient with a fresh ephemeral key.</summary>
    internal AgeStanza Wrap(ReadOnlySpan<byte> fileKey)
    {
        var ephemeral = new byte[X25519.ScalarSize];
        var share = new byte[X25519.PointSize];
        var shared = new byte[X25519.PointSize];
        byte[]? wrapKey = null;
        try
        {
            RandomNumberGenerator.Fill(ephemeral);
            X25519.ScalarMultBase(ephemeral, 0, share, 0);
            if (!X25519.CalculateAgreement(ephemeral, 0, [.. PublicKey], 0, shared, 0))
            {
                throw new AgeException(AgeErrorKind.RecipientInvalid, $"{this} is a low-order point: no secret can be agreed with it");
            }

            wrapKey = AgeKdf.X25519WrapKey(shared, share, PublicKey.AsSpan());
            var body = ChaChaPoly.Seal(wrapKey, new byte[12], fileKey);
            return new AgeStanza(StanzaType, [StrictBase64.EncodeUnpadded(share)], [.. body]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    public bool Equals(X25519Recipient? other) => other is not null && PublicKey.AsSpan().SequenceEqual(other.PublicKey.AsSpan());

    public override int GetHashCode() => BitConverter.ToInt32(PublicKey.AsSpan()[..4]);

    public override string ToString() => Bech32.Encode(Hrp, PublicKey.AsSpan());
}
