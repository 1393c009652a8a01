namespace RigBootstrap.Core.Secrets;

/// <summary>GCM's hash subkey H = E_K(0^128), as two big-endian halves.</summary>
internal readonly record struct GhashKey
{
    public GhashKey(ReadOnlySpan<byte> block)
    {
        High = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(block);
        Low = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(block[8..]);
    }

    public ulong High { get; }

    public ulong Low { get; }

    // A record would print H; it is key material.
    public override string ToString() => "GhashKey(****)";
}
