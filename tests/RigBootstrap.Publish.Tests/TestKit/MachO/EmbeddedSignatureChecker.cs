using System.Buffers.Binary;
using System.Collections.Immutable;

namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>
/// Reads the embedded signature, a CS_SuperBlob (magic, length, count, then count CS_BlobIndex {type, offset})
/// whose blobs are CS_GenericBlob {magic, length, data} (xnu osfmk/kern/cs_blobs.h, all big-endian), and checks
/// every code directory in it (slot 0 and the alternates at 0x1000 + n) against the file.
/// </summary>
public static class EmbeddedSignatureChecker
{
    private const int SuperBlobHeaderSize = 12;
    private const int BlobIndexSize = 8;
    private const int GenericBlobHeaderSize = 8;

    public static (ImmutableArray<SignatureProblem> Problems, CodeDirectory? CodeDirectory) Check(
        ReadOnlyMemory<byte> file, uint dataOffset, uint dataSize, SignatureKind expected)
    {
        var region = file.Slice((int)dataOffset, (int)dataSize);
        var (blobs, superBlobProblem) = ReadBlobs(region);
        if (superBlobProblem is not null)
        {
            return ([new(SignatureFailure.MalformedSuperBlob, superBlobProblem)], null);
        }

        var problems = new List<SignatureProblem>();
        var directories = new List<CodeDirectory>();
        foreach (var (slot, blob) in blobs.Where(b => IsCodeDirectorySlot(b.Key)).OrderBy(b => b.Key))
        {
            var magic = BinaryPrimitives.ReadUInt32BigEndian(blob.Span);
            if (magic != CodeSigningFormat.CodeDirectoryMagic)
            {
                problems.Add(new(SignatureFailure.MalformedCodeDirectory, $"the blob in slot 0x{slot:x} has magic 0x{magic:x8}, not CSMAGIC_CODEDIRECTORY 0x{CodeSigningFormat.CodeDirectoryMagic:x8}"));
                continue;
            }

            var directory = CodeDirectory.Parse(slot, blob, out var error);
            if (directory is null)
            {
                problems.Add(new(SignatureFailure.MalformedCodeDirectory, $"the code directory in slot 0x{slot:x}: {error}"));
                continue;
            }

            directories.Add(directory);
            problems.AddRange(CodeDirectoryChecker.Check(directory, file.Span, dataOffset, blobs));
        }

        var primary = directories.FirstOrDefault(d => d.Slot == CodeSigningFormat.CodeDirectorySlot);
        if (!blobs.ContainsKey(CodeSigningFormat.CodeDirectorySlot))
        {
            problems.Add(new(SignatureFailure.NoCodeDirectory, $"the SuperBlob's {blobs.Count} blob(s) hold no code directory in slot 0"));
        }
        else if (directories.Count > 0 && !directories.Any(d => d.HashType == CodeSigningFormat.HashTypeSha256))
        {
            problems.Add(new(SignatureFailure.NoSha256CodeDirectory, $"the code directories hash with {string.Join(", ", directories.Select(d => CodeSigningFormat.HashName(d.HashType)))}; expected one hashed with SHA-256 (CS_HASHTYPE_SHA256)"));
        }

        if (primary is not null && KindProblem(primary, blobs, expected) is { } kindProblem)
        {
            problems.Add(new(SignatureFailure.WrongSignatureKind, kindProblem));
        }

        return ([.. problems], primary);
    }

    private static bool IsCodeDirectorySlot(uint slot) => slot == CodeSigningFormat.CodeDirectorySlot
        || slot - CodeSigningFormat.AlternateCodeDirectoriesSlot < CodeSigningFormat.AlternateCodeDirectoryMax;

    private static string? KindProblem(CodeDirectory primary, ImmutableDictionary<uint, ReadOnlyMemory<byte>> blobs, SignatureKind expected)
    {
        var cmsLength = blobs.TryGetValue(CodeSigningFormat.SignatureSlot, out var cms) ? cms.Length - GenericBlobHeaderSize : 0;
        return expected switch
        {
            SignatureKind.AdHoc when !primary.IsAdHoc => $"flags 0x{primary.Flags:x} lack CS_ADHOC (0x2): expected the SDK's ad-hoc signature",
            SignatureKind.Identity when primary.IsAdHoc || cmsLength <= 0 =>
                $"flags 0x{primary.Flags:x} and a CMS blob of {cmsLength} byte(s): expected a signature by a certificate (CS_ADHOC clear, a CMS signature)",
            _ => null,
        };
    }

    /// <summary>The SuperBlob's blobs by index type, or what is wrong with it.</summary>
    private static (ImmutableDictionary<uint, ReadOnlyMemory<byte>> Blobs, string? Problem) ReadBlobs(ReadOnlyMemory<byte> region)
    {
        var empty = ImmutableDictionary<uint, ReadOnlyMemory<byte>>.Empty;
        var span = region.Span;
        if (span.Length < SuperBlobHeaderSize)
        {
            return (empty, $"the signature is {span.Length} bytes, too short for a SuperBlob header");
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(span);
        var length = BinaryPrimitives.ReadUInt32BigEndian(span[4..]);
        var count = BinaryPrimitives.ReadUInt32BigEndian(span[8..]);
        if (magic != CodeSigningFormat.EmbeddedSignatureMagic)
        {
            return (empty, $"magic 0x{magic:x8}, not CSMAGIC_EMBEDDED_SIGNATURE 0x{CodeSigningFormat.EmbeddedSignatureMagic:x8}");
        }

        // datasize may exceed the SuperBlob's length (codesign pads), never the other way round.
        if (length > span.Length || SuperBlobHeaderSize + ((long)count * BlobIndexSize) > length)
        {
            return (empty, $"length {length} with {count} index entries does not fit the {span.Length} bytes LC_CODE_SIGNATURE gives it");
        }

        var blobs = ImmutableDictionary.CreateBuilder<uint, ReadOnlyMemory<byte>>();
        for (var i = 0; i < count; i++)
        {
            var entry = span[(SuperBlobHeaderSize + (i * BlobIndexSize))..];
            var type = BinaryPrimitives.ReadUInt32BigEndian(entry);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(entry[4..]);
            var blobLength = offset + (long)GenericBlobHeaderSize <= length ? BinaryPrimitives.ReadUInt32BigEndian(span[(int)(offset + 4)..]) : 0;
            if (blobLength < GenericBlobHeaderSize || offset + (long)blobLength > length)
            {
                return (empty, $"index entry {i} (type 0x{type:x}) puts a blob of {blobLength} bytes at offset {offset}, outside the SuperBlob's {length} bytes");
            }

            if (!blobs.TryAdd(type, region.Slice((int)offset, (int)blobLength)))
            {
                return (empty, $"index entry {i} repeats type 0x{type:x}");
            }
        }

        return (blobs.ToImmutable(), null);
    }
}
