using System.Collections.Immutable;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>A plist <c>&lt;data&gt;</c>: bytes, base64 in the XML (tccd's MDMOverrides.plist keeps a <c>CodeRequirementData</c> so).</summary>
public sealed record PlistData : PlistValue
{
    public PlistData(ImmutableArray<byte> bytes)
    {
        Bytes = bytes.IsDefault ? [] : bytes;
    }

    public ImmutableArray<byte> Bytes { get; }

    // Record equality would compare the ImmutableArray by reference; a plist value is data, so compare bytes.
    public bool Equals(PlistData? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes.AsSpan());

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes.AsSpan());
        return hash.ToHashCode();
    }
}
