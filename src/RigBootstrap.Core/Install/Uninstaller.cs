using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Install;

/// <summary>
/// `uninstall`: stops and unloads the daemon, removes its service definition, binary and config; keeps the state
/// file, journal and logs as evidence, and never touches the age key (docs/invariants.md I2).
/// </summary>
public sealed class Uninstaller(HostPaths paths, IServiceManager serviceManager, HostPlatform platform)
{
    public async Task<string> UninstallAsync(string label, CancellationToken cancellationToken)
    {
        var definitionPath = ServiceDefinitionFile.PathFor(platform, paths, label);
        if (File.Exists(definitionPath))
        {
            await serviceManager.PrepareRemovalAsync(label, cancellationToken);
        }

        await serviceManager.UnloadAsync(label, cancellationToken);
        var removed = new List<string>();
        foreach (var path in new[] { definitionPath, paths.InstalledBinaryPath, paths.ConfigPath })
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
            : $"{label}: unloaded; removed {string.Join(", ", removed)}; kept {paths.StatePath}, {paths.JournalPath} and {paths.LogDirPath}";
    }
}
