using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Writes files that hold secrets (docs/invariants.md I6): 0600 from the first byte, replaced atomically. The temporary file has a
/// random name and is created exclusively, so a symlink planted in a user-owned directory is never followed.
/// </summary>
public static class SecretFile
{
    public const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteAtomically(string path, string content) => DurableFile.WriteAtomically(path, content, PrivateMode);

    /// <summary>True when the path is a regular file (not a symlink) readable and writable by its owner only.</summary>
    public static bool IsPrivate(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null && (info.UnixFileMode & ~PrivateMode) == 0;
    }
}
