using System.Buffers.Binary;
using System.Collections.Immutable;

namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>
/// Checks that a file is a thin 64-bit Mach-O executable of the expected CPU whose embedded code signature covers
/// every byte before it. Layouts: mach_header_64, load_command and linkedit_data_command from &lt;mach-o/loader.h&gt;;
/// the signature itself is read by <see cref="EmbeddedSignatureChecker"/>. A macOS kernel kills an arm64 process
/// whose pages do not match the signature, so this is the check a Linux build can make in place of `codesign`.
/// </summary>
public static class MachOSignatureChecker
{
    public static MachOSignatureReport CheckFile(string path, ExpectedMachO expected) => Check(File.ReadAllBytes(path), expected);

    public static MachOSignatureReport Check(ReadOnlyMemory<byte> file, ExpectedMachO expected)
    {
        var bytes = file.Span;
        if (bytes.Length < 4)
        {
            return Stop([], SignatureFailure.TooShort, $"{bytes.Length} bytes: not even a magic number");
        }

        var bigEndianMagic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        if (bigEndianMagic is MachOFormat.FatMagic or MachOFormat.FatMagic64)
        {
            return Stop([], SignatureFailure.FatBinary, $"starts with the fat header magic 0x{bigEndianMagic:x8}: a universal binary, where one thin Mach-O per runtime was expected");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        if (magic != MachOFormat.MhMagic64)
        {
            return Stop([], SignatureFailure.NotMachO64, $"magic 0x{magic:x8}, not MH_MAGIC_64 0x{MachOFormat.MhMagic64:x8}");
        }

        if (bytes.Length < MachOFormat.HeaderSize)
        {
            return Stop([], SignatureFailure.TooShort, $"{bytes.Length} bytes, shorter than the {MachOFormat.HeaderSize}-byte mach_header_64");
        }

        var problems = new List<SignatureProblem>();
        var cpuType = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        if (cpuType != expected.CpuType)
        {
            problems.Add(new(SignatureFailure.WrongCpuType, $"cputype is {MachOFormat.CpuName(cpuType)}, expected {MachOFormat.CpuName(expected.CpuType)}"));
        }

        var fileType = BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
        if (fileType != MachOFormat.MhExecute)
        {
            problems.Add(new(SignatureFailure.NotExecutable, $"filetype is {fileType}, not MH_EXECUTE ({MachOFormat.MhExecute})"));
        }

        var (codeSignature, loadCommandProblem) = FindCodeSignature(bytes);
        if (loadCommandProblem is not null)
        {
            return Stop(problems, loadCommandProblem.Failure, loadCommandProblem.Message);
        }

        var (dataOffset, dataSize) = codeSignature!.Value;
        var end = (long)dataOffset + dataSize;
        if (end > bytes.Length)
        {
            return Stop(problems, SignatureFailure.SignatureOutsideFile, $"LC_CODE_SIGNATURE names bytes {dataOffset}..{end} but the file has {bytes.Length}: truncated");
        }

        if (end < bytes.Length)
        {
            problems.Add(new(SignatureFailure.TrailingBytes, $"{bytes.Length - end} byte(s) after the signature (which ends at {end}), covered by no hash"));
        }

        var signature = EmbeddedSignatureChecker.Check(file, dataOffset, dataSize, expected.Signature);
        return new MachOSignatureReport
        {
            Problems = [.. problems, .. signature.Problems],
            CodeDirectory = signature.CodeDirectory,
            SignatureOffset = dataOffset,
        };
    }

    /// <summary>The one LC_CODE_SIGNATURE's dataoff and datasize, or the problem that stops the check.</summary>
    private static ((uint DataOffset, uint DataSize)? Found, SignatureProblem? Problem) FindCodeSignature(ReadOnlySpan<byte> bytes)
    {
        var commandCount = BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]);
        var commandsSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes[20..]);
        var commandsEnd = MachOFormat.HeaderSize + (long)commandsSize;
        if (commandsEnd > bytes.Length)
        {
            return (null, new(SignatureFailure.MalformedLoadCommands, $"sizeofcmds {commandsSize} runs past the end of the {bytes.Length}-byte file"));
        }

        (uint, uint)? found = null;
        long at = MachOFormat.HeaderSize;
        for (var i = 0; i < commandCount; i++)
        {
            if (at + 8 > commandsEnd)
            {
                return (null, new(SignatureFailure.MalformedLoadCommands, $"load command {i} of {commandCount} starts at {at}, past sizeofcmds"));
            }

            var command = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)at..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(at + 4)..]);
            // loader.h: in a 64-bit Mach-O every cmdsize is a multiple of 8.
            if (size < 8 || size % 8 != 0 || at + size > commandsEnd)
            {
                return (null, new(SignatureFailure.MalformedLoadCommands, $"load command {i} (cmd 0x{command:x}) at {at} has cmdsize {size}"));
            }

            if (command == MachOFormat.LcCodeSignature)
            {
                if (found is not null || size != MachOFormat.LinkeditDataCommandSize)
                {
                    return (null, new(SignatureFailure.MalformedLoadCommands, $"LC_CODE_SIGNATURE at {at}: a second one, or cmdsize {size} instead of {MachOFormat.LinkeditDataCommandSize}"));
                }

                found = (BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(at + 8)..]), BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)(at + 12)..]));
            }

            at += size;
        }

        return found is null
            ? (null, new(SignatureFailure.NoCodeSignature, $"none of the {commandCount} load commands is LC_CODE_SIGNATURE: the binary is unsigned, and macOS on Apple silicon kills an unsigned arm64 executable"))
            : (found, null);
    }

    private static MachOSignatureReport Stop(List<SignatureProblem> problems, SignatureFailure failure, string message) =>
        new() { Problems = [.. problems, new SignatureProblem(failure, message)] };
}
