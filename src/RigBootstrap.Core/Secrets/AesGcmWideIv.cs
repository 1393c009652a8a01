using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// AES-GCM with an IV of any length (NIST SP 800-38D), built on <see cref="Aes.EncryptEcb(ReadOnlySpan{byte}, PaddingMode)"/>:
/// SOPS uses 32-byte IVs, and .NET's <see cref="AesGcm"/> accepts only 12-byte nonces.
/// </summary>
public static class AesGcmWideIv
{
    public const int TagSize = 16;
    private const int BlockSize = 16;

    /// <summary>Encrypts and returns the ciphertext (same length as the plaintext) and the 16-byte tag.</summary>
    public static (byte[] Ciphertext, byte[] Tag) Encrypt(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        using var aes = CreateAes(key);
        var hashKey = HashKey(aes);
        var j0 = CounterZero(hashKey, iv);
        var ciphertext = CounterMode(aes, j0, plaintext);
        var tag = ComputeTag(aes, hashKey, j0, associatedData, ciphertext);
        return (ciphertext, tag);
    }

    /// <summary>
    /// Checks the tag in constant time before anything is decrypted, then returns the plaintext.
    /// A wrong key, IV, tag, ciphertext or associated data throws <see cref="AuthenticationTagMismatchException"/>.
    /// </summary>
    public static byte[] Decrypt(
        ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        if (tag.Length != TagSize)
        {
            throw new ArgumentException($"The tag must be {TagSize} bytes, not {tag.Length}.", nameof(tag));
        }

        using var aes = CreateAes(key);
        var hashKey = HashKey(aes);
        var j0 = CounterZero(hashKey, iv);
        var expected = ComputeTag(aes, hashKey, j0, associatedData, ciphertext);
        if (!CryptographicOperations.FixedTimeEquals(expected, tag))
        {
            throw new AuthenticationTagMismatchException();
        }

        return CounterMode(aes, j0, ciphertext);
    }

    private static Aes CreateAes(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"An AES key is 16, 24 or 32 bytes, not {key.Length}.", nameof(key));
        }

        var aes = Aes.Create();
        var copy = key.ToArray();
        aes.Key = copy;
        CryptographicOperations.ZeroMemory(copy);
        return aes;
    }

    // H = E_K(0^128).
    private static GhashKey HashKey(Aes aes) => new(aes.EncryptEcb(new byte[BlockSize], PaddingMode.None));

    // SP 800-38D §7.1 step 2: a 96-bit IV is used directly; any other length is hashed with its bit length.
    private static byte[] CounterZero(GhashKey hashKey, ReadOnlySpan<byte> iv)
    {
        if (iv.IsEmpty)
        {
            throw new ArgumentException("The IV must not be empty.", nameof(iv));
        }

        if (iv.Length == 12)
        {
            var j0 = new byte[BlockSize];
            iv.CopyTo(j0);
            j0[^1] = 1;
            return j0;
        }

        var ghash = new Ghash(hashKey);
        ghash.UpdatePadded(iv);
        var lengths = new byte[BlockSize];
        BinaryPrimitives.WriteUInt64BigEndian(lengths.AsSpan(8), (ulong)iv.Length * 8);
        ghash.UpdatePadded(lengths);
        return ghash.Final();
    }

    // GCTR starting at inc32(J0): all counter blocks are encrypted in one ECB call, then XORed in.
    private static byte[] CounterMode(Aes aes, byte[] j0, ReadOnlySpan<byte> input)
    {
        var output = new byte[input.Length];
        if (input.IsEmpty)
        {
            return output;
        }

        var blocks = (input.Length + BlockSize - 1) / BlockSize;
        var counters = new byte[blocks * BlockSize];
        var counter = BinaryPrimitives.ReadUInt32BigEndian(j0.AsSpan(12));
        for (var i = 0; i < blocks; i++)
        {
            var block = counters.AsSpan(i * BlockSize, BlockSize);
            j0.AsSpan(0, 12).CopyTo(block);
            BinaryPrimitives.WriteUInt32BigEndian(block[12..], unchecked(counter + 1 + (uint)i));
        }

        var keystream = aes.EncryptEcb(counters, PaddingMode.None);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }

        CryptographicOperations.ZeroMemory(keystream);
        return output;
    }

    // T = E_K(J0) XOR GHASH(A || pad || C || pad || [len(A)]64 || [len(C)]64).
    private static byte[] ComputeTag(Aes aes, GhashKey hashKey, byte[] j0, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext)
    {
        var ghash = new Ghash(hashKey);
        ghash.UpdatePadded(associatedData);
        ghash.UpdatePadded(ciphertext);
        var lengths = new byte[BlockSize];
        BinaryPrimitives.WriteUInt64BigEndian(lengths, (ulong)associatedData.Length * 8);
        BinaryPrimitives.WriteUInt64BigEndian(lengths.AsSpan(8), (ulong)ciphertext.Length * 8);
        ghash.UpdatePadded(lengths);
        var s = ghash.Final();
        var mask = aes.EncryptEcb(j0, PaddingMode.None);
        for (var i = 0; i < BlockSize; i++)
        {
            s[i] ^= mask[i];
        }

        return s;
    }
}
