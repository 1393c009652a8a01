using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// The file `xcode-select --install` creates while it installs the tools, and which makes `softwareupdate --list`
/// offer them (docs/command-line-tools.md). Left behind, it would keep offering them to every caller; we remove it
/// after each install and whenever we find one that no run of ours is using (a crash left it).
/// </summary>
public sealed class CommandLineToolsOnDemandMarker(HostPaths paths)
{
    public string FilePath => paths.CommandLineToolsOnDemandMarkerPath;

    public bool Exists => File.Exists(FilePath);

    public void Create()
    {
        // /tmp exists on a Mac; a simulated host root may not have it yet.
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        using var _ = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.Write);
    }

    /// <summary>True when there was one to remove.</summary>
    public bool RemoveIfPresent()
    {
        if (!File.Exists(FilePath))
        {
            return false;
        }

        File.Delete(FilePath);
        return true;
    }
}
