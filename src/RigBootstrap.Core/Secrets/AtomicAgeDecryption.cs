using System.Security.Cryptography;
using RigBootstrap.Age;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Secrets;

/// <summary>
/// Decrypts an age file so that no plaintext is released before the whole stream authenticated: it goes to a 0600
/// temporary file first, which becomes the output (renamed) or is copied to a stream only after decryption succeeded,
/// and is deleted on any failure. The real age 1.1.1 writes each chunk as it goes, so a bad tag in chunk 3 leaves
/// the first two chunks behind.
/// </summary>
public static class AtomicAgeDecryption
{
    /// <summary>Decrypts into <paramref name="outputPath"/>, replacing it only on success.</summary>
    public static void ToFile(Stream input, IReadOnlyList<X25519Identity> identities, string outputPath)
    {
        var fullPath = Path.GetFullPath(outputPath);
        var tempPath = Path.Join(Path.GetDirectoryName(fullPath), $".{Path.GetFileName(fullPath)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            using (var temp = CreatePrivate(tempPath))
            {
                AgeDecryptor.Decrypt(input, identities, temp);
                temp.Flush(flushToDisk: true);
            }

            File.Move(tempPath, fullPath, overwrite: true);
            DurableFile.SyncDirectory(Path.GetDirectoryName(fullPath)!);
        }
        finally
        {
            File.Delete(tempPath);
        }
    }

    /// <summary>Decrypts into a private temporary directory, then copies the plaintext to <paramref name="output"/>.</summary>
    public static void ToStream(Stream input, IReadOnlyList<X25519Identity> identities, Stream output)
    {
        // CreateTempSubdirectory makes the directory 0700.
        var scratch = Directory.CreateTempSubdirectory("rig-age-");
        try
        {
            using var temp = CreatePrivate(Path.Join(scratch.FullName, "plaintext"));
            AgeDecryptor.Decrypt(input, identities, temp);
            temp.Position = 0;
            temp.CopyTo(output);
            output.Flush();
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static FileStream CreatePrivate(string path) => new(path, new FileStreamOptions
    {
        Mode = FileMode.CreateNew,
        Access = FileAccess.ReadWrite,
        Share = FileShare.None,
        UnixCreateMode = SecretFile.PrivateMode,
    });
}
