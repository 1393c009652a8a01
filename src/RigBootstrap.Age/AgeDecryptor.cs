using System.Security.Cryptography;

namespace RigBootstrap.Age;

/// <summary>
/// Decrypts an age v1 file, armored or binary, with one or more X25519 identities. Plaintext is written chunk by
/// chunk as each chunk authenticates, so a caller that must release nothing unauthenticated writes to a private
/// temporary file and keeps it only when this returns (the `age decrypt` verb does).
/// </summary>
public static class AgeDecryptor
{
    private const int ArmorProbeSize = 1024 + 1;

    /// <summary>Throws <see cref="AgeException"/> with the kind of fault (armor, header, MAC, no match, payload).</summary>
    public static void Decrypt(Stream input, IReadOnlyList<X25519Identity> identities, Stream output)
    {
        var probe = new byte[ArmorProbeSize];
        var probed = input.ReadAtLeast(probe, probe.Length, throwOnEndOfStream: false);
        Stream binary;
        if (AgeArmor.LooksArmored(probe.AsSpan(0, probed)))
        {
            var armored = new MemoryStream();
            armored.Write(probe, 0, probed);
            input.CopyTo(armored);
            binary = new MemoryStream(AgeArmor.Decode(armored.GetBuffer().AsSpan(0, (int)armored.Length)), writable: false);
        }
        else
        {
            binary = new PrefixedStream(probe.AsMemory(0, probed), input);
        }

        DecryptBinary(new BufferedStream(binary), identities, output);
    }

    /// <summary>Decrypts a whole message held in memory; the caller zeroes the result when done.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> message, IReadOnlyList<X25519Identity> identities)
    {
        using var output = new MemoryStream();
        try
        {
            Decrypt(new MemoryStream(message.ToArray(), writable: false), identities, output);
            return output.ToArray();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output.GetBuffer());
        }
    }

    private static void DecryptBinary(Stream input, IReadOnlyList<X25519Identity> identities, Stream output)
    {
        var header = HeaderReader.Read(input);
        var fileKey = UnwrapFileKey(header, identities);
        byte[]? payloadKey = null;
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(AgeKdf.HeaderMac(fileKey, header.MacedBytes.AsSpan()), header.Mac.AsSpan()))
            {
                throw new AgeException(AgeErrorKind.HeaderMacMismatch, "age header: the MAC does not match; the header was changed after it was written");
            }

            var nonce = new byte[AgeKdf.NonceSize];
            var read = input.ReadAtLeast(nonce, nonce.Length, throwOnEndOfStream: false);
            if (read < nonce.Length)
            {
                throw new AgeException(AgeErrorKind.HeaderInvalid, $"age header: the payload nonce is {read} of {AgeKdf.NonceSize} bytes (the file is truncated)");
            }

            payloadKey = AgeKdf.PayloadKey(fileKey, nonce);
            PayloadDecryptor.Decrypt(input, payloadKey, output);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
            CryptographicOperations.ZeroMemory(payloadKey);
        }
    }

    private static byte[] UnwrapFileKey(AgeHeader header, IReadOnlyList<X25519Identity> identities)
    {
        foreach (var stanza in header.Stanzas)
        {
            foreach (var identity in identities)
            {
                if (identity.Unwrap(stanza) is { } fileKey)
                {
                    return fileKey;
                }
            }
        }

        var types = header.Stanzas.IsEmpty ? "none" : string.Join(", ", header.Stanzas.GroupBy(s => s.Type).Select(g => $"{g.Count()} {g.Key}"));
        throw new AgeException(AgeErrorKind.NoIdentityMatched,
            $"no identity matched: none of the {identities.Count} identities opens any of the header's recipient stanzas ({types})");
    }
}
