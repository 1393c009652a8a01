using System.Buffers.Binary;
using System.Text;

namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>
/// Writes a small thin Mach-O executable signed as the .NET SDK signs on Linux: a SuperBlob holding a version
/// 0x20400 code directory (identifier, 2 special slots, 4 KiB pages), an empty requirements blob and an empty CMS
/// wrapper. Known-good input for the checker's own tests; the published binaries check it against Microsoft's signer.
/// </summary>
public static class SyntheticMachOBuilder
{
    private const int PageSizeLog2 = 12;
    private const int CodeDirectoryHeaderSize = 88; // through execSegFlags, version 0x20400
    private const int SpecialSlots = 2;
    private const string Identifier = "rig-bootstrap";

    public static SyntheticMachO Build(
        int cpuType = MachOFormat.CpuTypeArm64,
        int codeBytes = (3 * 4096) + 1000,
        bool signed = true,
        bool adHoc = true,
        byte hashType = CodeSigningFormat.HashTypeSha256,
        int codeLimitShortBy = 0)
    {
        var hashSize = CodeSigningFormat.HashSize(hashType);
        var signatureOffset = (codeBytes + 15) & ~15; // codesign starts the signature on a 16-byte boundary
        var codeLimit = signatureOffset - codeLimitShortBy;
        var codeSlots = (codeLimit + (1 << PageSizeLog2) - 1) >> PageSizeLog2;
        var identifier = Encoding.ASCII.GetBytes(Identifier + "\0");
        var hashOffset = CodeDirectoryHeaderSize + identifier.Length + (SpecialSlots * hashSize);
        var directoryLength = hashOffset + (codeSlots * hashSize);
        byte[] requirements = [.. BigEndian(CodeSigningFormat.RequirementsMagic), .. BigEndian(12u), .. BigEndian(0u)];
        byte[] wrapper = [.. BigEndian(CodeSigningFormat.BlobWrapperMagic), .. BigEndian(8u)];
        const int superBlobHeader = 12 + (3 * 8);
        var signatureLength = superBlobHeader + directoryLength + requirements.Length + wrapper.Length;

        var file = new byte[signed ? signatureOffset + signatureLength : codeBytes];
        new Random(20261203).NextBytes(file.AsSpan(0, codeBytes));
        file.AsSpan(codeBytes, Math.Max(0, (signed ? signatureOffset : codeBytes) - codeBytes)).Clear();
        WriteHeader(file, cpuType, signed, (uint)signatureOffset, (uint)signatureLength);
        if (!signed)
        {
            return new SyntheticMachO(file, -1, -1, -1);
        }

        var signature = file.AsSpan(signatureOffset);
        var directoryAt = superBlobHeader;
        var requirementsAt = directoryAt + directoryLength;
        var wrapperAt = requirementsAt + requirements.Length;
        WriteU32(signature, 0, CodeSigningFormat.EmbeddedSignatureMagic, (uint)signatureLength, 3u);
        WriteU32(signature, 12, CodeSigningFormat.CodeDirectorySlot, (uint)directoryAt, CodeSigningFormat.RequirementsSlot, (uint)requirementsAt, CodeSigningFormat.SignatureSlot, (uint)wrapperAt);
        requirements.CopyTo(signature[requirementsAt..]);
        wrapper.CopyTo(signature[wrapperAt..]);

        var directory = signature.Slice(directoryAt, directoryLength);
        WriteU32(directory, 0, CodeSigningFormat.CodeDirectoryMagic, (uint)directoryLength, CodeSigningFormat.SupportsExecSeg, adHoc ? CodeSigningFormat.FlagAdHoc : 0u,
            (uint)hashOffset, CodeDirectoryHeaderSize, SpecialSlots, (uint)codeSlots, (uint)codeLimit);
        directory[36] = (byte)hashSize;
        directory[37] = hashType;
        directory[39] = PageSizeLog2;
        BinaryPrimitives.WriteUInt64BigEndian(directory[72..], (ulong)codeLimit); // execSegLimit
        BinaryPrimitives.WriteUInt64BigEndian(directory[80..], 1); // CS_EXECSEG_MAIN_BINARY
        identifier.CopyTo(directory[CodeDirectoryHeaderSize..]);
        CodeDirectory.Hash(hashType, requirements).CopyTo(directory[(hashOffset - ((int)CodeSigningFormat.RequirementsSlot * hashSize))..]);
        for (var page = 0; page < codeSlots; page++)
        {
            var start = page << PageSizeLog2;
            var bytes = file.AsSpan(start, Math.Min(1 << PageSizeLog2, codeLimit - start));
            CodeDirectory.Hash(hashType, bytes).CopyTo(directory[(hashOffset + (page * hashSize))..]);
        }

        return new SyntheticMachO(file, signatureOffset, signatureOffset + directoryAt, signatureOffset + requirementsAt);
    }

    private static void WriteHeader(Span<byte> file, int cpuType, bool signed, uint signatureOffset, uint signatureLength)
    {
        uint commandsSize = 24 + (signed ? 16u : 0u);
        file[..(MachOFormat.HeaderSize + (int)commandsSize)].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(file, MachOFormat.MhMagic64);
        BinaryPrimitives.WriteInt32LittleEndian(file[4..], cpuType);
        BinaryPrimitives.WriteUInt32LittleEndian(file[12..], MachOFormat.MhExecute);
        BinaryPrimitives.WriteUInt32LittleEndian(file[16..], signed ? 2u : 1u);
        BinaryPrimitives.WriteUInt32LittleEndian(file[20..], commandsSize);
        BinaryPrimitives.WriteUInt32LittleEndian(file[32..], MachOFormat.LcUuid);
        BinaryPrimitives.WriteUInt32LittleEndian(file[36..], 24);
        file.Slice(40, 16).Fill(0x5a);
        if (signed)
        {
            var command = file[SyntheticMachO.CodeSignatureCommandOffset..];
            BinaryPrimitives.WriteUInt32LittleEndian(command, MachOFormat.LcCodeSignature);
            BinaryPrimitives.WriteUInt32LittleEndian(command[4..], MachOFormat.LinkeditDataCommandSize);
            BinaryPrimitives.WriteUInt32LittleEndian(command[8..], signatureOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(command[12..], signatureLength);
        }
    }

    private static void WriteU32(Span<byte> target, int at, params uint[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(target[(at + (i * 4))..], values[i]);
        }
    }

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
