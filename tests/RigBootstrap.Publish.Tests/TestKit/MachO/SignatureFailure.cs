namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>What the checker found wrong with a binary, one name per kind of fault.</summary>
public enum SignatureFailure
{
    /// <summary>Shorter than a mach_header_64.</summary>
    TooShort,

    /// <summary>A universal (fat) binary, where one thin Mach-O per runtime was expected.</summary>
    FatBinary,

    /// <summary>Not a little-endian 64-bit Mach-O (MH_MAGIC_64).</summary>
    NotMachO64,

    WrongCpuType,

    /// <summary>filetype is not MH_EXECUTE.</summary>
    NotExecutable,

    /// <summary>The load commands run past sizeofcmds or the file, or a cmdsize is malformed.</summary>
    MalformedLoadCommands,

    /// <summary>No LC_CODE_SIGNATURE: the kernel kills an unsigned arm64 executable.</summary>
    NoCodeSignature,

    /// <summary>LC_CODE_SIGNATURE points past the end of the file (a truncated binary).</summary>
    SignatureOutsideFile,

    /// <summary>Bytes after the signature, which no hash covers.</summary>
    TrailingBytes,

    MalformedSuperBlob,

    NoCodeDirectory,

    MalformedCodeDirectory,

    /// <summary>No code directory hashes with SHA-256.</summary>
    NoSha256CodeDirectory,

    /// <summary>codeLimit stops before the signature: the bytes in between are not hashed.</summary>
    CodeLimitShort,

    /// <summary>codeLimit reaches into the signature, which cannot hash itself.</summary>
    CodeLimitPastSignature,

    /// <summary>nCodeSlots does not match codeLimit and the page size.</summary>
    CodeSlotCountWrong,

    /// <summary>A page's bytes do not match its code slot hash.</summary>
    PageHashMismatch,

    /// <summary>A special slot's hash does not match its blob (requirements, entitlements, …).</summary>
    SpecialSlotMismatch,

    /// <summary>Ad-hoc where an identity was expected, or the other way round.</summary>
    WrongSignatureKind,
}
