using System.Runtime.InteropServices;

namespace RigBootstrap.Processes;

/// <summary>Sends signals with libc <c>kill(2)</c>; .NET itself can only send SIGKILL.</summary>
internal static class PosixSignals
{
    // The same numbers on Linux and macOS.
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>
    /// Sends the signal; false when it could not be sent (ESRCH: already gone; EPERM: another
    /// user's process). Callers never rely on the signal alone: a bounded wait checks the outcome.
    /// </summary>
    public static bool TrySend(int pid, int signal) => Kill(pid, signal) == 0;

    // DllImport, not LibraryImport: the signature is blittable, so no marshalling code is generated
    // either way, and LibraryImport would force unsafe code on the whole assembly.
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
