using System.Collections.Immutable;
using System.Security.Cryptography;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>
/// Every file under a host root by its bytes (a symlink by its target), lock files left out: a refused run may take
/// and leave its lock, which changes no data. Directory times are left out for the same reason.
/// </summary>
public sealed record HostFileBytes
{
    public required ImmutableSortedDictionary<string, string> Files { get; init; }

    public static HostFileBytes Take(string rootDirPath)
    {
        var files = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(rootDirPath, "*", SearchOption.AllDirectories))
        {
            if (path.EndsWith(".lock", StringComparison.Ordinal))
            {
                continue;
            }

            files[Path.GetRelativePath(rootDirPath, path)] = Describe(path);
        }

        return new HostFileBytes { Files = files.ToImmutable() };
    }

    private static string Describe(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            return $"symlink to {target}";
        }

        if (Directory.Exists(path))
        {
            return "dir";
        }

        var mode = Convert.ToString((int)info.UnixFileMode, 8);
        return $"file {mode} sha256 {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}";
    }
}
