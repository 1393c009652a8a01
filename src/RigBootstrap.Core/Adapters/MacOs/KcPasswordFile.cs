using System.Security.Cryptography;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads and writes `/etc/kcpassword` (wherever the host root puts it): 0600 from the first byte, replaced atomically.</summary>
/// <remarks>
/// Bytes go straight to the file, never through a string: the obfuscated form holds arbitrary bytes (0x0A included).
/// Run as root, the file is root-owned, and takes its group (wheel) from /etc, as loginwindow expects.
/// </remarks>
public static class KcPasswordFile
{
    public static void Write(string path, string password)
    {
        var bytes = KcPassword.Encode(password);
        var dirPath = Path.GetDirectoryName(path)!;
        var tempPath = Path.Join(dirPath, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            Directory.CreateDirectory(dirPath);
            using (var stream = new FileStream(tempPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = SecretFile.PrivateMode,
            }))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.SetUnixFileMode(tempPath, SecretFile.PrivateMode);
            File.Move(tempPath, path, overwrite: true);
            DurableFile.SyncDirectory(dirPath);
        }
        finally
        {
            // After the move the temporary name is gone; after a failure it must not linger with the password in it.
            File.Delete(tempPath);
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The decoded password, or null when the file is missing or is not a kcpassword file.</summary>
    public static string? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        try
        {
            return KcPassword.Decode(bytes);
        }
        catch (FormatException)
        {
            // Empty or not UTF-8: not a password we wrote, so autologin is not set up as asked.
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
