using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// Everything under a directory: each file's content hash, size, mode and modification time, and each directory's
/// mode and modification time. Two equal snapshots mean a command created, changed and removed nothing (docs/invariants.md I9).
/// </summary>
public sealed record FileSnapshot
{
    /// <summary>Relative path to a one-line description of the entry; one line each makes a failure message a readable diff.</summary>
    public required ImmutableSortedDictionary<string, string> Entries { get; init; }

    public static FileSnapshot Take(string dirPath)
    {
        var entries = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(dirPath, "*", SearchOption.AllDirectories))
        {
            entries[Path.GetRelativePath(dirPath, path)] = Describe(path);
        }

        return new FileSnapshot { Entries = entries.ToImmutable() };
    }

    private static string Describe(string path)
    {
        var mode = Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(4, '0');
        var modified = File.GetLastWriteTimeUtc(path).ToString("O", CultureInfo.InvariantCulture);
        if (Directory.Exists(path))
        {
            return $"dir {mode} modified {modified}";
        }

        var content = File.ReadAllBytes(path);
        return $"file {mode} modified {modified} {content.Length} bytes sha256 {Convert.ToHexString(SHA256.HashData(content))}";
    }
}
