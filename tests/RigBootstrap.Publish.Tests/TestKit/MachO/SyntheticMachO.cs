namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>A small Mach-O made by <see cref="SyntheticMachOBuilder"/>, with the offsets a test needs to damage it.</summary>
public sealed record SyntheticMachO(byte[] Bytes, int SignatureOffset, int CodeDirectoryOffset, int RequirementsOffset)
{
    /// <summary>Offset of the first LC_CODE_SIGNATURE field (cmd), right after the header and LC_UUID.</summary>
    public const int CodeSignatureCommandOffset = MachOFormat.HeaderSize + 24;

    /// <summary>Offset of codeLimit inside the code directory.</summary>
    public int CodeLimitOffset => CodeDirectoryOffset + 32;

    /// <summary>A copy with <paramref name="change"/> applied, leaving this one as it is.</summary>
    public byte[] With(Action<byte[]> change)
    {
        var copy = (byte[])Bytes.Clone();
        change(copy);
        return copy;
    }
}
