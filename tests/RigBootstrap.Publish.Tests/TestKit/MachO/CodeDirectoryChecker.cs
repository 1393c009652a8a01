using System.Collections.Immutable;

namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>
/// Checks one code directory against the file: codeLimit reaches the signature exactly, there is one code slot
/// per page of it (the last page may be partial), every page hashes to its slot, and every special slot holds
/// the hash of its blob in the SuperBlob (or zeros when the binary has none, as for the Info.plist of a bare tool).
/// </summary>
public static class CodeDirectoryChecker
{
    private const uint LastSpecialSlot = CodeSigningFormat.AlternateCodeDirectoriesSlot - 1;

    public static IEnumerable<SignatureProblem> Check(
        CodeDirectory directory, ReadOnlySpan<byte> file, uint signatureOffset, ImmutableDictionary<uint, ReadOnlyMemory<byte>> blobs)
    {
        var problems = new List<SignatureProblem>();
        var name = $"code directory 0x{directory.Slot:x} ({CodeSigningFormat.HashName(directory.HashType)})";
        if (directory.ScatterOffset != 0)
        {
            return [new(SignatureFailure.MalformedCodeDirectory, $"{name} has a scatter vector, which a Mach-O signature never uses")];
        }

        if (directory.CodeLimit < signatureOffset)
        {
            problems.Add(new(SignatureFailure.CodeLimitShort, $"{name}: codeLimit {directory.CodeLimit} stops {signatureOffset - directory.CodeLimit} byte(s) short of the signature at {signatureOffset}; those bytes are not hashed"));
        }
        else if (directory.CodeLimit > signatureOffset)
        {
            problems.Add(new(SignatureFailure.CodeLimitPastSignature, $"{name}: codeLimit {directory.CodeLimit} reaches past the signature at {signatureOffset}"));
            return problems;
        }

        // pageSize 0 means one page for the whole code (cs_blobs.h: "0 => infinite").
        var pageSize = directory.PageSizeLog2 == 0 ? Math.Max(directory.CodeLimit, 1) : 1L << directory.PageSizeLog2;
        var pages = (directory.CodeLimit + pageSize - 1) / pageSize;
        if (directory.CodeSlotCount != pages)
        {
            problems.Add(new(SignatureFailure.CodeSlotCountWrong, $"{name}: {directory.CodeSlotCount} code slots for codeLimit {directory.CodeLimit} in pages of {pageSize} bytes, which make {pages}"));
        }

        var checkedPages = Math.Min(pages, directory.CodeSlotCount);
        var bad = new List<long>();
        for (long page = 0; page < checkedPages; page++)
        {
            var start = page * pageSize;
            var bytes = file.Slice((int)start, (int)(Math.Min(start + pageSize, directory.CodeLimit) - start));
            if (!CodeDirectory.Hash(directory.HashType, bytes).AsSpan().SequenceEqual(directory.CodeSlot(page)))
            {
                bad.Add(page);
            }
        }

        if (bad.Count > 0)
        {
            var first = bad[0] * pageSize;
            problems.Add(new(SignatureFailure.PageHashMismatch, $"{name}: {bad.Count} of {checkedPages} page(s) differ from their code slot hash, the first page {bad[0]} (bytes {first}..{Math.Min(first + pageSize, directory.CodeLimit)})"));
        }

        problems.AddRange(SpecialSlotProblems(directory, name, blobs));
        return problems;
    }

    private static List<SignatureProblem> SpecialSlotProblems(CodeDirectory directory, string name, ImmutableDictionary<uint, ReadOnlyMemory<byte>> blobs)
    {
        var problems = new List<SignatureProblem>();
        for (uint slot = 1; slot <= directory.SpecialSlotCount; slot++)
        {
            var stored = directory.SpecialSlot(slot);
            if (blobs.TryGetValue(slot, out var blob))
            {
                var actual = CodeDirectory.Hash(directory.HashType, blob.Span);
                if (!actual.AsSpan().SequenceEqual(stored))
                {
                    problems.Add(new(SignatureFailure.SpecialSlotMismatch, $"{name}: special slot {slot} ({SlotName(slot)}) holds {Convert.ToHexStringLower(stored)}, but its blob hashes to {Convert.ToHexStringLower(actual)}"));
                }
            }
            else if (stored.IndexOfAnyExcept((byte)0) >= 0)
            {
                problems.Add(new(SignatureFailure.SpecialSlotMismatch, $"{name}: special slot {slot} ({SlotName(slot)}) holds a hash, but nothing in a bare executable is there to match it"));
            }
        }

        // A blob that no special slot binds could be swapped without touching the code directory.
        foreach (var slot in blobs.Keys.Where(k => k > directory.SpecialSlotCount && k <= LastSpecialSlot).Order())
        {
            problems.Add(new(SignatureFailure.SpecialSlotMismatch, $"{name}: the SuperBlob holds a blob of type {slot} ({SlotName(slot)}) but only {directory.SpecialSlotCount} special slot(s) bind blobs"));
        }

        return problems;
    }

    private static string SlotName(uint slot) => slot switch
    {
        CodeSigningFormat.InfoSlot => "Info.plist",
        CodeSigningFormat.RequirementsSlot => "requirements",
        CodeSigningFormat.ResourceDirSlot => "resources",
        4 => "application specific",
        5 => "entitlements",
        7 => "DER entitlements",
        >= 8 and <= 10 => "launch constraints",
        11 => "library constraints",
        _ => "unassigned",
    };
}
