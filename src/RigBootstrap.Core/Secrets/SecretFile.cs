using System.Security.Cryptography;
using System.Text;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Writes files that hold secrets (I6): 0600 from the first byte, replaced atomically. The temporary file has a
/// random name and is created exclusively, so a symlink planted in a user-owned directory is never followed.
/// </summary>
public static class SecretFile
{
    public const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteAtomically(string path, string content)
    {
        var dirPath = Path.GetDirectoryName(path)!;
        var tempPath = Path.Join(dirPath, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        var bytes = Encoding.UTF8.GetBytes(content);
        try
        {
            using (var stream = new FileStream(tempPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = PrivateMode,
            }))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            // The umask cannot widen 0600, but an inherited ACL or odd file system might: set it explicitly.
            File.SetUnixFileMode(tempPath, PrivateMode);
            File.Move(tempPath, path, overwrite: true);
            DurableFile.SyncDirectory(dirPath);
        }
        finally
        {
            // After a successful move the temporary name is gone; after a failure it must not linger.
            File.Delete(tempPath);
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>True when the path is a regular file (not a symlink) readable and writable by its owner only.</summary>
    public static bool IsPrivate(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null && (info.UnixFileMode & ~PrivateMode) == 0;
    }
}
