using System.Buffers.Binary;

namespace RigBootstrap.Core.Secrets;

/// <summary>GCM's GHASH over GF(2^128) (NIST SP 800-38D §6.4), fed whole zero-padded blocks.</summary>
internal sealed class Ghash
{
    // The reduction constant R = 11100001 || 0^120, as the high half.
    private const ulong Reduction = 0xE100000000000000UL;

    private readonly GhashKey _key;
    private ulong _high;
    private ulong _low;

    public Ghash(GhashKey key) => _key = key;

    /// <summary>Absorbs the data, zero-padded to a whole number of 16-byte blocks.</summary>
    public void UpdatePadded(ReadOnlySpan<byte> data)
    {
        Span<byte> block = stackalloc byte[16];
        for (var offset = 0; offset < data.Length; offset += 16)
        {
            block.Clear();
            var chunk = data.Slice(offset, Math.Min(16, data.Length - offset));
            chunk.CopyTo(block);
            _high ^= BinaryPrimitives.ReadUInt64BigEndian(block);
            _low ^= BinaryPrimitives.ReadUInt64BigEndian(block[8..]);
            Multiply();
        }
    }

    public byte[] Final()
    {
        var result = new byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(result, _high);
        BinaryPrimitives.WriteUInt64BigEndian(result.AsSpan(8), _low);
        return result;
    }

    // Algorithm 1 of SP 800-38D, with masks instead of branches so the time does not depend on the bits.
    private void Multiply()
    {
        ulong zHigh = 0, zLow = 0;
        ulong vHigh = _key.High, vLow = _key.Low;
        for (var i = 0; i < 128; i++)
        {
            var bit = i < 64 ? (_high >> (63 - i)) & 1 : (_low >> (127 - i)) & 1;
            var take = 0UL - bit;
            zHigh ^= vHigh & take;
            zLow ^= vLow & take;
            var carry = 0UL - (vLow & 1);
            vLow = (vLow >> 1) | (vHigh << 63);
            vHigh = (vHigh >> 1) ^ (Reduction & carry);
        }

        _high = zHigh;
        _low = zLow;
    }
}
