using System.Security.Cryptography;
using System.Text;
using RigBootstrap.Age;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Creates an age key file as `age-keygen -o` does, but crash-safe: the key is written to a 0600 temporary file beside
/// it, fsynced, then linked into place only if nothing is there (a key is never overwritten, docs/invariants.md I2). A crash leaves either
/// no key file or a whole one; a leftover temporary was never published, so it is removed on the next attempt.
/// </summary>
public static class AgeKeyFileCreator
{
    /// <summary>Returns the new recipient; throws <see cref="AgeException"/> (KeyFileExists) when the path exists.</summary>
    public static string Create(string keyPath, TimeProvider time)
    {
        var dirPath = Path.GetDirectoryName(Path.GetFullPath(keyPath))!;
        var prefix = $".{Path.GetFileName(keyPath)}.";
        foreach (var leftover in Directory.EnumerateFiles(dirPath, prefix + "*.tmp"))
        {
            File.Delete(leftover);
        }

        if (Path.Exists(keyPath) || new FileInfo(keyPath).LinkTarget is not null)
        {
            throw Exists(keyPath);
        }

        using var identity = X25519Identity.Generate();
        var tempPath = Path.Join(dirPath, $"{prefix}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        var bytes = Encoding.ASCII.GetBytes(AgeKeyFile.Format(identity, time.GetUtcNow()));
        try
        {
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
            try
            {
                // Without overwrite, .NET links the new name (link(2)), which fails if anything exists there.
                File.Move(tempPath, keyPath, overwrite: false);
            }
            catch (IOException) when (Path.Exists(keyPath))
            {
                throw Exists(keyPath);
            }

            DurableFile.SyncDirectory(dirPath);
            return identity.Recipient.ToString();
        }
        finally
        {
            File.Delete(tempPath);
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static AgeException Exists(string keyPath) =>
        new(AgeErrorKind.KeyFileExists, $"{keyPath} exists, and an age key is never overwritten; move it away yourself if it is truly unused");
}
