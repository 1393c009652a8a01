using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Adapters;

/// <summary>Finds the bundle an Xcode archive expanded to: `Xcode.app`, or `Xcode-beta.app` for a beta, in the staging dir.</summary>
public static class ExpandedApp
{
    /// <summary>The host path of the one `Xcode*.app` directly in <paramref name="stagingDirPath"/>; null when there is none.</summary>
    public static string? Find(HostPaths paths, string stagingDirPath)
    {
        var dirPath = paths.Resolve(stagingDirPath);
        if (!Directory.Exists(dirPath))
        {
            return null;
        }

        var name = Directory.EnumerateDirectories(dirPath, "Xcode*.app").Select(Path.GetFileName).Order(StringComparer.Ordinal).FirstOrDefault();
        return name is null ? null : $"{stagingDirPath}/{name}";
    }
}
