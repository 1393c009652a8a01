using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>
/// A parsed CS_CodeDirectory (xnu osfmk/kern/cs_blobs.h): the hash of every page of the code up to codeLimit
/// (code slots 0..nCodeSlots-1, from hashOffset on) and of the other blobs (special slot -k just before them).
/// </summary>
public sealed record CodeDirectory
{
    /// <summary>The blob's index type in the SuperBlob: 0, or an alternate 0x1000 + n.</summary>
    public required uint Slot { get; init; }

    public required uint Version { get; init; }

    public required uint Flags { get; init; }

    public required uint HashOffset { get; init; }

    public required uint SpecialSlotCount { get; init; }

    public required uint CodeSlotCount { get; init; }

    /// <summary>codeLimit64 when the version has it and it is set, else the 32-bit codeLimit.</summary>
    public required long CodeLimit { get; init; }

    public required byte HashSize { get; init; }

    public required byte HashType { get; init; }

    /// <summary>log2 of the page size; 0 means one page for the whole of codeLimit.</summary>
    public required byte PageSizeLog2 { get; init; }

    public required uint ScatterOffset { get; init; }

    public required string Identifier { get; init; }

    /// <summary>The team identifier (version 0x20200 and later), null when absent (always for ad-hoc).</summary>
    public string? TeamId { get; init; }

    /// <summary>The whole blob, magic to the last hash.</summary>
    public required ReadOnlyMemory<byte> Blob { get; init; }

    public bool IsAdHoc => (Flags & CodeSigningFormat.FlagAdHoc) != 0;

    /// <summary>The cdhash: this blob's hash with its own hash type, cut to 20 bytes (CS_CDHASH_LEN), in hex.</summary>
    public string CdHash => Convert.ToHexStringLower(Hash(HashType, Blob.Span)[..CodeSigningFormat.CdHashLength]);

    /// <summary>The stored hash of code slot <paramref name="page"/> (0-based).</summary>
    public ReadOnlySpan<byte> CodeSlot(long page) => Blob.Span.Slice((int)(HashOffset + (page * HashSize)), HashSize);

    /// <summary>The stored hash of special slot <paramref name="slot"/> (1-based; stored at hashOffset - slot * hashSize).</summary>
    public ReadOnlySpan<byte> SpecialSlot(uint slot) => Blob.Span.Slice((int)(HashOffset - (slot * HashSize)), HashSize);

    public static byte[] Hash(byte hashType, ReadOnlySpan<byte> data) => hashType switch
    {
        CodeSigningFormat.HashTypeSha1 => SHA1.HashData(data),
        CodeSigningFormat.HashTypeSha256 => SHA256.HashData(data),
        CodeSigningFormat.HashTypeSha256Truncated => SHA256.HashData(data)[..20],
        CodeSigningFormat.HashTypeSha384 => SHA384.HashData(data),
        _ => throw new ArgumentOutOfRangeException(nameof(hashType), hashType, "unknown code directory hash type"),
    };

    /// <summary>Reads a code directory blob; null with the reason when its header or tables do not fit.</summary>
    public static CodeDirectory? Parse(uint slot, ReadOnlyMemory<byte> blob, out string? error)
    {
        var span = blob.Span;
        error = null;
        if (span.Length < CodeSigningFormat.CodeDirectoryEarliestSize)
        {
            error = $"{span.Length} bytes, shorter than the {CodeSigningFormat.CodeDirectoryEarliestSize}-byte header";
            return null;
        }

        var version = U32(span, 8);
        var codeLimit = (long)U32(span, 32);
        if (version >= CodeSigningFormat.SupportsCodeLimit64 && span.Length >= 64 && BinaryPrimitives.ReadUInt64BigEndian(span[56..]) is var limit64 and not 0)
        {
            codeLimit = (long)limit64;
        }

        var identifier = CString(span, U32(span, 20));
        if (identifier is null)
        {
            error = $"identOffset {U32(span, 20)} does not name a NUL-terminated string inside the blob";
            return null;
        }

        var directory = new CodeDirectory
        {
            Slot = slot,
            Version = version,
            Flags = U32(span, 12),
            HashOffset = U32(span, 16),
            SpecialSlotCount = U32(span, 24),
            CodeSlotCount = U32(span, 28),
            CodeLimit = codeLimit,
            HashSize = span[36],
            HashType = span[37],
            PageSizeLog2 = span[39],
            ScatterOffset = version >= CodeSigningFormat.SupportsScatter && span.Length >= 48 ? U32(span, 44) : 0,
            Identifier = identifier,
            TeamId = version >= CodeSigningFormat.SupportsTeamId && span.Length >= 52 && U32(span, 48) is var team and not 0 ? CString(span, team) : null,
            Blob = blob,
        };
        error = directory.TableError(span.Length);
        return error is null ? directory : null;
    }

    private string? TableError(int length)
    {
        var expectedSize = CodeSigningFormat.HashSize(HashType);
        if (expectedSize == 0 || HashSize != expectedSize)
        {
            return $"hashType {HashType} with hashSize {HashSize}: not a hash type of cs_blobs.h with its size";
        }

        var first = (long)HashOffset - ((long)SpecialSlotCount * HashSize);
        var end = HashOffset + ((long)CodeSlotCount * HashSize);
        return first < CodeSigningFormat.CodeDirectoryEarliestSize || end > length
            ? $"the hash table ({SpecialSlotCount} special and {CodeSlotCount} code slots of {HashSize} bytes at hashOffset {HashOffset}) does not lie inside the {length}-byte blob"
            : null;
    }

    private static uint U32(ReadOnlySpan<byte> span, int at) => BinaryPrimitives.ReadUInt32BigEndian(span[at..]);

    private static string? CString(ReadOnlySpan<byte> span, uint offset)
    {
        if (offset >= span.Length)
        {
            return null;
        }

        var nul = span[(int)offset..].IndexOf((byte)0);
        return nul < 0 ? null : Encoding.UTF8.GetString(span.Slice((int)offset, nul));
    }
}
