using System.Security.Cryptography;
using System.Text.Json;
using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Steps;

/// <summary>Reads and writes the deploy manifest, and the sha256 digests it records.</summary>
public static class DeployManifestFile
{
    private const UnixFileMode ReadableByAll =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>The manifest, or null when it is missing or unreadable (then it does not match, and apply rewrites it).</summary>
    public static DeployManifest? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), DeployManifestJsonContext.Default.DeployManifest);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Replaces the manifest atomically, 0644, owned by the agent user.</summary>
    public static void Write(string path, DeployManifest manifest, string agentUser, IFileOwnership ownership)
    {
        // SecretFile's writer, for its random exclusive temp name in a directory the agent user owns; the
        // manifest is no secret, so it is opened to everyone once in place.
        SecretFile.WriteAtomically(path, JsonSerializer.Serialize(manifest, DeployManifestJsonContext.Default.DeployManifest) + "\n");
        File.SetUnixFileMode(path, ReadableByAll);
        ownership.GiveToUser(path, agentUser);
    }

    public static string Sha256Of(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>The file's sha256, or null when it does not exist.</summary>
    public static string? Sha256OfFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
