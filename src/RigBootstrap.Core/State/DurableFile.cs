using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace RigBootstrap.Core.State;

/// <summary>Atomic, durable file replacement: temp file, fsync, rename, fsync the directory (docs/invariants.md I1).</summary>
public static class DurableFile
{
    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="content"/> so a crash leaves either the old or the new file.
    /// The temporary file has a random name and is created exclusively with its final mode, so a planted symlink is
    /// never followed and a secret is never readable by others, not even for an instant.
    /// </summary>
    public static void WriteAtomically(string path, string content, UnixFileMode mode)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        try
        {
            WriteAtomically(path, bytes, mode);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>As <see cref="WriteAtomically(string, string, UnixFileMode)"/>, with exactly these bytes.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes, UnixFileMode mode)
    {
        var dir = Path.GetDirectoryName(path)!;
        var tempPath = Path.Join(dir, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            using (var stream = new FileStream(tempPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = mode,
            }))
            {
                stream.Write(bytes);
                // The synchronous Flush(true) is the one that fsyncs (F_FULLFSYNC on macOS); FlushAsync does not
                // (dotnet/runtime PR #44443).
                stream.Flush(flushToDisk: true);
            }

            // The umask can only narrow the mode; an inherited ACL or an odd file system might not: set it explicitly.
            File.SetUnixFileMode(tempPath, mode);
            File.Move(tempPath, path, overwrite: true);
            SyncDirectory(dir);
        }
        finally
        {
            // After a successful move the temporary name is gone; after a failure it must not linger.
            File.Delete(tempPath);
        }
    }

    /// <summary>Copies a file durably (used for the .prev copy of the state file).</summary>
    public static void CopyAtomically(string sourcePath, string destinationPath, UnixFileMode mode) =>
        WriteAtomically(destinationPath, File.ReadAllText(sourcePath, Encoding.UTF8), mode);

    /// <summary>Makes a rename in <paramref name="dirPath"/> survive power loss.</summary>
    public static void SyncDirectory(string dirPath)
    {
        var fd = NativeFile.Open(dirPath, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            // Some file systems refuse to open directories; the rename itself is still atomic.
            return;
        }

        try
        {
            _ = NativeFile.Fsync(fd);
        }
        finally
        {
            _ = NativeFile.Close(fd);
        }
    }

    private static class NativeFile
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static extern int Fsync(int fd);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int fd);
    }
}
