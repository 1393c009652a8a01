using System.Globalization;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// Xcode on the simulated Mac: each install is a folder `/Applications/Xcode-&lt;v&gt;.app` under the host root holding
/// what `xcodebuild -version` would print; the selection, the accepted license and the first launch are files in
/// the simulated Mac's dir. Like the real tools, the license and first launch need a selected Xcode.
/// </summary>
public sealed class SimulatedXcode(SimulatedMac mac) : IXcode
{
    private const string ApplicationsLocation = "/Applications";

    public string DirPath => Path.Join(mac.DirPath, "xcode");

    public string SelectionPath => Path.Join(DirPath, "selected");

    public string LicenseAcceptedPath => Path.Join(DirPath, "license-accepted");

    public string FirstLaunchPath => Path.Join(DirPath, "first-launch-done");

    public string DevToolsSecurityPath => Path.Join(DirPath, "devtools-security-enabled");

    /// <summary>The `_developer` group's members, one per line.</summary>
    public string DeveloperGroupPath => Path.Join(DirPath, "developer-group");

    /// <summary>The downloaded platforms, one per line.</summary>
    public string PlatformsPath => Path.Join(DirPath, "platforms");

    /// <summary>The file in an app bundle that holds its `xcodebuild -version` output.</summary>
    public static string VersionFileOf(string appDirPath) => Path.Join(appDirPath, "Contents", "version.txt");

    public async Task<XcodeVersionInfo?> GetVersionAsync(CancellationToken cancellationToken) =>
        ReadSelection() is { } selected ? await GetVersionAtAsync(selected, cancellationToken) : null;

    public Task<XcodeVersionInfo?> GetVersionAtAsync(string appPath, CancellationToken cancellationToken)
    {
        var versionPath = VersionFileOf(mac.Paths.Resolve(appPath));
        return Task.FromResult(File.Exists(versionPath) ? XcodebuildVersionParser.Parse(File.ReadAllText(versionPath)) : null);
    }

    public Task<string> InstallAsync(string version, XcodeInstallSource source, CancellationToken cancellationToken)
    {
        if (source.XipPath is not null && !File.Exists(mac.Paths.Resolve(source.XipPath)))
        {
            throw new XcodeException($"xcodes install {version} --path {source.XipPath}: no such archive; copy the .xip there first");
        }

        // xcodes names the bundle with all three components: 16.2 installs as Xcode-16.2.0.app.
        var numbers = new List<int>();
        foreach (var part in version.Split('.'))
        {
            numbers.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new XcodeException($"xcodes install {version} exited with 1: 'Unable to find a version of Xcode matching {version}'; check the version against `xcodes list`"));
        }

        while (numbers.Count < 3)
        {
            numbers.Add(0);
        }

        var appPath = $"{ApplicationsLocation}/Xcode-{string.Join('.', numbers)}.app";
        var versionPath = VersionFileOf(mac.Paths.Resolve(appPath));
        Directory.CreateDirectory(Path.GetDirectoryName(versionPath)!);
        File.WriteAllText(versionPath, $"Xcode {version}\nBuild version SIM{string.Concat(numbers)}\n");
        return Task.FromResult(appPath);
    }

    public Task SelectAsync(string appPath, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(mac.Paths.Resolve(appPath)))
        {
            throw new XcodeException($"xcode-select -s {appPath} exited with 1: 'invalid developer directory'; check that {appPath} is a complete Xcode bundle");
        }

        Directory.CreateDirectory(DirPath);
        File.WriteAllText(SelectionPath, appPath + "\n");
        return Task.CompletedTask;
    }

    public Task AcceptLicenseAsync(CancellationToken cancellationToken)
    {
        File.WriteAllText(LicenseAcceptedPath, RequireSelection("-license accept") + "\n");
        return Task.CompletedTask;
    }

    public Task RunFirstLaunchAsync(CancellationToken cancellationToken)
    {
        var selected = RequireSelection("-runFirstLaunch");
        if (!File.Exists(LicenseAcceptedPath) || File.ReadAllText(LicenseAcceptedPath).Trim() != selected)
        {
            throw new XcodeException($"xcodebuild -runFirstLaunch exited with 69: 'You have not agreed to the Xcode license agreements'; accept the license first, and run it as root");
        }

        File.WriteAllText(FirstLaunchPath, selected + "\n");
        return Task.CompletedTask;
    }

    public Task<string> ExpandXipAsync(string xipPath, string stagingDirPath, CancellationToken cancellationToken)
    {
        var archivePath = mac.Paths.Resolve(xipPath);
        var versionText = File.Exists(archivePath) ? SimulatedXipArchive.ReadVersionText(archivePath) : null;
        if (versionText is null)
        {
            throw new XcodeException($"xip --expand {xipPath} exited with 1: 'The archive “{Path.GetFileName(xipPath)}” is damaged and can’t be expanded.'; check that steps.xcode.xip names an Xcode archive");
        }

        // Like xip, into the working directory: the bundle inside an archive is named Xcode.app.
        var appPath = $"{stagingDirPath}/Xcode.app";
        var versionPath = VersionFileOf(mac.Paths.Resolve(appPath));
        Directory.CreateDirectory(Path.GetDirectoryName(versionPath)!);
        File.WriteAllText(versionPath, versionText);
        return Task.FromResult(appPath);
    }

    public Task EnableDeveloperToolsSecurityAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DirPath);
        File.WriteAllText(DevToolsSecurityPath, "enabled\n");
        return Task.CompletedTask;
    }

    public Task AddToDeveloperGroupAsync(string userName, CancellationToken cancellationToken)
    {
        AddLine(DeveloperGroupPath, userName);
        return Task.CompletedTask;
    }

    public Task DownloadPlatformAsync(string platform, CancellationToken cancellationToken)
    {
        RequireSelection($"-downloadPlatform {platform}");
        AddLine(PlatformsPath, platform);
        return Task.CompletedTask;
    }

    private void AddLine(string filePath, string line)
    {
        Directory.CreateDirectory(DirPath);
        var lines = File.Exists(filePath) ? File.ReadAllLines(filePath) : [];
        if (!lines.Contains(line, StringComparer.Ordinal))
        {
            File.AppendAllText(filePath, line + "\n");
        }
    }

    private string? ReadSelection() => File.Exists(SelectionPath) ? File.ReadAllText(SelectionPath).Trim() : null;

    private string RequireSelection(string arguments) =>
        ReadSelection() ?? throw new XcodeException($"xcodebuild {arguments} exited with 1: 'requires Xcode'; it must run as root, with a full Xcode selected");
}
