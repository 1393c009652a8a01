using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Install;

/// <summary>
/// `uninstall`: boots the daemon out, removes its plist, binary and config; keeps the state file, journal and logs
/// as evidence, and never touches the age key (I2).
/// </summary>
public sealed class Uninstaller(HostPaths paths, IServiceManager launchd)
{
    public async Task<string> UninstallAsync(string label, CancellationToken cancellationToken)
    {
        await launchd.UnloadAsync(label, cancellationToken);
        var removed = new List<string>();
        foreach (var path in new[] { paths.LaunchDaemonPlistPath(label), paths.InstalledBinaryPath, paths.ConfigPath })
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                removed.Add(path);
            }
        }

        if (Directory.Exists(paths.InstalledBinaryDirPath) && !Directory.EnumerateFileSystemEntries(paths.InstalledBinaryDirPath).Any())
        {
            Directory.Delete(paths.InstalledBinaryDirPath);
        }

        return removed.Count == 0
            ? $"{label}: nothing to remove; kept {paths.StateDirPath} (state and journal)"
            : $"{label}: booted out; removed {string.Join(", ", removed)}; kept {paths.StatePath}, {paths.JournalPath} and {paths.LogDirPath}";
    }
}
