using System.Runtime.InteropServices;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Real ownership changes with libc `getpwnam` and `lchown` (.NET has no chown); needs root. `lchown` changes a
/// symlink itself, never its target, so a link planted in the agent's home cannot redirect root's chown.
/// </summary>
public sealed class PosixFileOwnership : IFileOwnership
{
    public void GiveToUser(string path, string userName)
    {
        var entry = NativeUsers.GetPasswordEntry(userName);
        if (entry == IntPtr.Zero)
        {
            throw new IOException($"Cannot give {path} to {userName}: there is no such user on this host; create the agent user first.");
        }

        // struct passwd starts with pw_name, pw_passwd (pointers), then pw_uid, pw_gid (32 bits) on macOS and Linux alike.
        var uid = Marshal.ReadInt32(entry, 2 * IntPtr.Size);
        var gid = Marshal.ReadInt32(entry, 2 * IntPtr.Size + 4);
        if (NativeUsers.Lchown(path, uid, gid) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot give {path} to {userName} (uid {uid}): chown failed with errno {errno}; the daemon must run as root.");
        }
    }

    private static class NativeUsers
    {
        [DllImport("libc", EntryPoint = "getpwnam", SetLastError = true)]
        public static extern IntPtr GetPasswordEntry([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

        [DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
        public static extern int Lchown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int owner, int group);
    }
}
