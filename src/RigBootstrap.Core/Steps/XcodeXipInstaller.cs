using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Puts a verified `.xip` in place without Homebrew or an Apple ID: `xip --expand` into a staging directory inside
/// /Applications (the same volume), then one rename to `/Applications/Xcode-&lt;x.y.z&gt;.app`. A crash mid-expand leaves
/// only the staging directory, which the next attempt empties first; the final name never holds half a bundle.
/// </summary>
public sealed class XcodeXipInstaller
{
    private readonly IXcode _xcode;
    private readonly HostPaths _paths;

    public XcodeXipInstaller(IXcode xcode, HostPaths paths)
    {
        _xcode = xcode;
        _paths = paths;
    }

    /// <summary>Expands <paramref name="xipPath"/> and moves the bundle to <paramref name="appPath"/>; returns the problem, or null.</summary>
    public async Task<string?> InstallAsync(string xipPath, string appPath, string version, CancellationToken cancellationToken)
    {
        var finalDirPath = _paths.Resolve(appPath);
        if (Directory.Exists(finalDirPath))
        {
            var there = await _xcode.GetVersionAtAsync(appPath, cancellationToken);
            return $"{appPath} already exists and reports Xcode {there?.Version ?? "nothing (not a complete bundle)"}, not {version}; move it away, then `rig-bootstrap retry xcode`";
        }

        var stagingDirPath = _paths.Resolve(HostPaths.XcodeStagingLocation);
        ClearStaging();
        Directory.CreateDirectory(stagingDirPath);
        var expanded = await _xcode.ExpandXipAsync(xipPath, HostPaths.XcodeStagingLocation, cancellationToken);
        var found = await _xcode.GetVersionAtAsync(expanded, cancellationToken);
        if (found is null || !XcodeStep.Matches(version, found))
        {
            ClearStaging();
            return $"the archive {xipPath} holds Xcode {found?.Version ?? "(no version)"}, not {version} as steps.xcode.version pins; fix the version or the archive and its sha256";
        }

        // rename(2) within one volume is atomic: the bundle appears whole at its final name or not at all.
        Directory.Move(_paths.Resolve(expanded), finalDirPath);
        DurableFile.SyncDirectory(Path.GetDirectoryName(finalDirPath)!);
        ClearStaging();
        return null;
    }

    private void ClearStaging()
    {
        var stagingDirPath = _paths.Resolve(HostPaths.XcodeStagingLocation);
        if (Directory.Exists(stagingDirPath))
        {
            Directory.Delete(stagingDirPath, recursive: true);
        }
    }
}
