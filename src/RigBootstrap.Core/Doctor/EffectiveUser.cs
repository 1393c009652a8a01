using System.Runtime.InteropServices;

namespace RigBootstrap.Core.Doctor;

/// <summary>The effective user id of this process, from libc <c>geteuid(2)</c> (the same on Linux and macOS).</summary>
public static class EffectiveUser
{
    public static uint Id() => GetEuid();

    // DllImport, not LibraryImport: the signature is blittable, and LibraryImport would force unsafe code on Core.
    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();
}
