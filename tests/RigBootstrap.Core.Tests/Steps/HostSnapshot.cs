namespace RigBootstrap.Core.Tests.Steps;

/// <summary>Every entry under a directory with its content digest, link target and write time: to prove "nothing changed".</summary>
public static class HostSnapshot
{
    public static IReadOnlyList<string> Of(string rootDirPath) =>
        new DirectoryInfo(rootDirPath).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Select(entry => $"{Path.GetRelativePath(rootDirPath, entry.FullName)} -> {entry.LinkTarget} @{entry.LastWriteTimeUtc.Ticks} {Digest(entry)}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Digest(FileSystemInfo entry) =>
        entry is FileInfo { Exists: true, LinkTarget: null } file
            ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file.FullName)))
            : "";
}
