using System.Buffers.Binary;

namespace RigBootstrap.Age;

/// <summary>A STREAM chunk nonce: an 11-byte big-endian counter, then 0x01 for the last chunk and 0x00 otherwise.</summary>
internal static class ChunkNonce
{
    public const int ChunkSize = 64 * 1024;

    public static byte[] For(ulong counter, bool last)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteUInt64BigEndian(nonce.AsSpan(3, 8), counter);
        nonce[11] = last ? (byte)1 : (byte)0;
        return nonce;
    }
}
