namespace RigBootstrap.Publish.Tests.TestKit.MachO;

/// <summary>
/// The Mach-O constants the checker needs, from Apple's &lt;mach-o/loader.h&gt;, &lt;mach-o/fat.h&gt; and
/// &lt;mach/machine.h&gt; (as published in apple-oss-distributions/xnu, EXTERNAL_HEADERS/mach-o and osfmk/mach).
/// A 64-bit Mach-O is written in the byte order of its CPU: little-endian for both arm64 and x86_64.
/// </summary>
public static class MachOFormat
{
    /// <summary>mach_header_64.magic for a 64-bit Mach-O in host byte order.</summary>
    public const uint MhMagic64 = 0xfeedfacf;

    /// <summary>fat_header.magic of a universal binary; the fat header is always big-endian.</summary>
    public const uint FatMagic = 0xcafebabe;

    /// <summary>The 64-bit-offset variant of the fat header.</summary>
    public const uint FatMagic64 = 0xcafebabf;

    /// <summary>CPU_ARCH_ABI64 | CPU_TYPE_ARM (12).</summary>
    public const int CpuTypeArm64 = 0x0100000C;

    /// <summary>CPU_ARCH_ABI64 | CPU_TYPE_X86 (7).</summary>
    public const int CpuTypeX86_64 = 0x01000007;

    /// <summary>mach_header_64.filetype of a demand-paged executable.</summary>
    public const uint MhExecute = 0x2;

    /// <summary>sizeof(struct mach_header_64): magic, cputype, cpusubtype, filetype, ncmds, sizeofcmds, flags, reserved.</summary>
    public const int HeaderSize = 32;

    /// <summary>LC_CODE_SIGNATURE: a linkedit_data_command locating the embedded signature.</summary>
    public const uint LcCodeSignature = 0x1d;

    /// <summary>LC_UUID, a plain load command every linker writes.</summary>
    public const uint LcUuid = 0x1b;

    /// <summary>sizeof(struct linkedit_data_command): cmd, cmdsize, dataoff, datasize.</summary>
    public const int LinkeditDataCommandSize = 16;

    /// <summary>A name for a cputype in messages.</summary>
    public static string CpuName(int cpuType) => cpuType switch
    {
        CpuTypeArm64 => "arm64 (0x0100000C)",
        CpuTypeX86_64 => "x86_64 (0x01000007)",
        _ => $"0x{cpuType:X8}",
    };
}
