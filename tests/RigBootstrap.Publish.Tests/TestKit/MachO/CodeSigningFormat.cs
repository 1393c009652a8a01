namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>
/// The code-signing blob constants, from xnu's osfmk/kern/cs_blobs.h (apple-oss-distributions/xnu). Every
/// signature blob is big-endian, whatever the byte order of the Mach-O that carries it.
/// </summary>
public static class CodeSigningFormat
{
    public const uint EmbeddedSignatureMagic = 0xfade0cc0; // CSMAGIC_EMBEDDED_SIGNATURE: the SuperBlob
    public const uint CodeDirectoryMagic = 0xfade0c02; // CSMAGIC_CODEDIRECTORY
    public const uint RequirementsMagic = 0xfade0c01; // CSMAGIC_REQUIREMENTS
    public const uint BlobWrapperMagic = 0xfade0b01; // CSMAGIC_BLOBWRAPPER: the CMS signature

    public const uint CodeDirectorySlot = 0; // CSSLOT_CODEDIRECTORY
    public const uint InfoSlot = 1; // CSSLOT_INFOSLOT: hash of the bundle's Info.plist (outside the binary)
    public const uint RequirementsSlot = 2; // CSSLOT_REQUIREMENTS
    public const uint ResourceDirSlot = 3; // CSSLOT_RESOURCEDIR: hash of the bundle's CodeResources (outside the binary)
    public const uint AlternateCodeDirectoriesSlot = 0x1000; // CSSLOT_ALTERNATE_CODEDIRECTORIES
    public const uint AlternateCodeDirectoryMax = 5; // CSSLOT_ALTERNATE_CODEDIRECTORY_MAX
    public const uint SignatureSlot = 0x10000; // CSSLOT_SIGNATURESLOT: the CMS blob wrapper

    public const byte HashTypeSha1 = 1; // CS_HASHTYPE_SHA1
    public const byte HashTypeSha256 = 2; // CS_HASHTYPE_SHA256
    public const byte HashTypeSha256Truncated = 3; // CS_HASHTYPE_SHA256_TRUNCATED (20 bytes)
    public const byte HashTypeSha384 = 4; // CS_HASHTYPE_SHA384

    /// <summary>CS_CDHASH_LEN: a cdhash is the code directory's hash cut to 20 bytes.</summary>
    public const int CdHashLength = 20;

    public const uint FlagAdHoc = 0x00000002; // CS_ADHOC
    public const uint FlagRuntime = 0x00010000; // CS_RUNTIME: hardened runtime, required for notarization
    public const uint FlagLinkerSigned = 0x00020000; // CS_LINKER_SIGNED

    public const uint SupportsScatter = 0x20100; // CS_SUPPORTSSCATTER
    public const uint SupportsTeamId = 0x20200; // CS_SUPPORTSTEAMID
    public const uint SupportsCodeLimit64 = 0x20300; // CS_SUPPORTSCODELIMIT64
    public const uint SupportsExecSeg = 0x20400; // CS_SUPPORTSEXECSEG

    /// <summary>Bytes of CS_CodeDirectory up to and including spare2 (the earliest version).</summary>
    public const int CodeDirectoryEarliestSize = 44;

    /// <summary>The size of a hash of this type, or 0 for a type we do not know.</summary>
    public static int HashSize(byte hashType) => hashType switch
    {
        HashTypeSha1 => 20,
        HashTypeSha256 => 32,
        HashTypeSha256Truncated => 20,
        HashTypeSha384 => 48,
        _ => 0,
    };

    public static string HashName(byte hashType) => hashType switch
    {
        HashTypeSha1 => "SHA-1",
        HashTypeSha256 => "SHA-256",
        HashTypeSha256Truncated => "SHA-256 truncated",
        HashTypeSha384 => "SHA-384",
        _ => $"hash type {hashType}",
    };
}
