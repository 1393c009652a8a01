
namespace RigBootstrap.Core.Adapters;

/// <summary>
/// Xcode on the host: `xcodebuild`, `xcode-select`, `xcodes`, `xip`, `DevToolsSecurity` and `dseditgroup` (docs/design.md §4,
/// xcode). App, archive and staging paths are host paths.
/// </summary>
/// <remarks>Failures an operator can act on throw <see cref="XcodeException"/>.</remarks>
public interface IXcode
{
    /// <summary>The selected Xcode's version (`xcodebuild -version`); null when no full Xcode is selected.</summary>
    Task<XcodeVersionInfo?> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>The version of the Xcode bundle at <paramref name="appPath"/>, selected or not; null when it is not there.</summary>
    Task<XcodeVersionInfo?> GetVersionAtAsync(string appPath, CancellationToken cancellationToken);

    /// <summary>Installs the version with `xcodes install` and returns the installed `.app` path.</summary>
    Task<string> InstallAsync(string version, XcodeInstallSource source, CancellationToken cancellationToken);

    /// <summary>Makes the Xcode at <paramref name="appPath"/> the active one (`xcode-select -s`).</summary>
    Task SelectAsync(string appPath, CancellationToken cancellationToken);

    /// <summary>Accepts the selected Xcode's license for every user (`xcodebuild -license accept`).</summary>
    Task AcceptLicenseAsync(CancellationToken cancellationToken);

    /// <summary>Installs the selected Xcode's system components (`xcodebuild -runFirstLaunch`).</summary>
    Task RunFirstLaunchAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Expands the archive at <paramref name="xipPath"/> with `xip --expand` into <paramref name="stagingDirPath"/>, which
    /// must exist and be empty (xip expands into its working directory), and returns the host path of the `Xcode*.app` in it.
    /// </summary>
    Task<string> ExpandXipAsync(string xipPath, string stagingDirPath, CancellationToken cancellationToken);

    /// <summary>Lets members of `_developer` use the debugger and instruments without a password (`DevToolsSecurity -enable`).</summary>
    Task EnableDeveloperToolsSecurityAsync(CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="userName"/> to the `_developer` group (`dseditgroup -o edit -a USER -t user _developer`).</summary>
    Task AddToDeveloperGroupAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Downloads and installs one platform's simulator runtime (`xcodebuild -downloadPlatform NAME`).</summary>
    Task DownloadPlatformAsync(string platform, CancellationToken cancellationToken);
}
