using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// <see cref="IXcode"/> over the real `xcodebuild`, `xcode-select` and `xcodes`, resolved from the tool table. An
/// Apple ID password reaches `xcodes` only through its environment (`XCODES_PASSWORD`), masked everywhere (docs/invariants.md I6).
/// </summary>
public sealed class XcodeTool : IXcode
{
    private static readonly TimeSpan QuickTimeout = TimeSpan.FromMinutes(2);
    // Downloading and expanding an Xcode archive takes hours on a slow link; first launch installs packages.
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromHours(6);
    private static readonly TimeSpan FirstLaunchTimeout = TimeSpan.FromMinutes(30);
    // Expanding a 3 GB archive takes 5-20 minutes (devernay/xcodelegacy #71: 5.5 min for Xcode 8.3.3); a runtime download hours.
    private static readonly TimeSpan ExpandTimeout = TimeSpan.FromHours(2);
    private static readonly TimeSpan PlatformTimeout = TimeSpan.FromHours(3);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;
    private readonly HostPaths _paths;

    public XcodeTool(IProcessRunner runner, ToolTable tools, HostPaths paths)
    {
        _runner = runner;
        _tools = tools;
        _paths = paths;
    }

    public Task<XcodeVersionInfo?> GetVersionAsync(CancellationToken cancellationToken) =>
        ReadVersionAsync(ImmutableDictionary<string, string?>.Empty, cancellationToken);

    public Task<XcodeVersionInfo?> GetVersionAtAsync(string appPath, CancellationToken cancellationToken) =>
        Directory.Exists(_paths.Resolve(appPath))
            // DEVELOPER_DIR points xcodebuild at one bundle without changing the host's selection (xcode-select(1)).
            ? ReadVersionAsync(ImmutableDictionary<string, string?>.Empty.Add("DEVELOPER_DIR", Path.Join(appPath, "Contents", "Developer")), cancellationToken)
            : Task.FromResult<XcodeVersionInfo?>(null);

    public async Task<string> InstallAsync(string version, XcodeInstallSource source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        List<string> arguments = ["install", version];
        if (source.XipPath is not null)
        {
            arguments.AddRange(["--path", source.XipPath]);
        }

        var spec = Spec(ToolNames.Xcodes, [.. arguments], InstallTimeout) with { OutputTailBytes = 256 * 1024 };
        if (source.AppleId is { } appleId)
        {
            spec = spec with
            {
                Environment = ImmutableDictionary<string, string?>.Empty.Add("XCODES_USERNAME", appleId.User).Add("XCODES_PASSWORD", appleId.Password),
                Secrets = [appleId.Password],
            };
        }

        var result = await RunAsync(spec, cancellationToken);
        var output = result.StdoutTail + "\n" + result.StderrTail;
        if (result.ExitCode != 0)
        {
            throw new XcodeException(
                $"xcodes install {version} exited with {result.ExitCode}: '{ToolOutputExcerpt.Of(result.StderrTail.Length > 0 ? result.StderrTail : result.StdoutTail)}'. "
                + "An Apple ID with two-factor authentication cannot sign in unattended: place the Xcode .xip on the host, or sign xcodes in as root once; check free disk space too.");
        }

        try
        {
            return XcodesInstallOutputParser.ParseInstalledAppPath(output);
        }
        catch (FormatException ex)
        {
            throw new XcodeException(ex.Message);
        }
    }

    public async Task SelectAsync(string appPath, CancellationToken cancellationToken) =>
        await RunCheckedAsync(Spec(ToolNames.XcodeSelect, ["-s", appPath], QuickTimeout), $"check that {appPath} is a complete Xcode bundle", cancellationToken);

    public async Task AcceptLicenseAsync(CancellationToken cancellationToken) =>
        await RunCheckedAsync(Spec(ToolNames.Xcodebuild, ["-license", "accept"], QuickTimeout), "it must run as root, with a full Xcode selected", cancellationToken);

    public async Task RunFirstLaunchAsync(CancellationToken cancellationToken) =>
        await RunCheckedAsync(Spec(ToolNames.Xcodebuild, ["-runFirstLaunch"], FirstLaunchTimeout), "accept the license first, and run it as root", cancellationToken);

    public async Task<string> ExpandXipAsync(string xipPath, string stagingDirPath, CancellationToken cancellationToken)
    {
        // xip(1) has no output option: it expands into the working directory.
        var spec = Spec(ToolNames.Xip, ["--expand", xipPath], ExpandTimeout) with { WorkingDirPath = _paths.Resolve(stagingDirPath) };
        var result = await RunAsync(spec, cancellationToken);
        var output = XipOutputParser.Parse(result.StdoutTail, result.StderrTail);
        if (result.ExitCode != 0 || output.Error is not null)
        {
            throw new XcodeException(
                $"xip --expand {xipPath} exited with {result.ExitCode}: '{ToolOutputExcerpt.Of(output.Error ?? (result.StderrTail.Length > 0 ? result.StderrTail : result.StdoutTail))}'; {XipOutputParser.FixFor(output)}");
        }

        return ExpandedApp.Find(_paths, stagingDirPath)
            ?? throw new XcodeException($"xip --expand {xipPath} succeeded but left no Xcode*.app in {stagingDirPath}; check that steps.xcode.xip names an Xcode archive");
    }

    public async Task EnableDeveloperToolsSecurityAsync(CancellationToken cancellationToken) =>
        await RunCheckedAsync(Spec(ToolNames.DevToolsSecurity, ["-enable"], QuickTimeout), "it must run as root", cancellationToken);

    public async Task AddToDeveloperGroupAsync(string userName, CancellationToken cancellationToken) =>
        await RunCheckedAsync(Spec(ToolNames.Dseditgroup, ["-o", "edit", "-a", userName, "-t", "user", "_developer"], QuickTimeout),
            $"it must run as root, and the user {userName} must exist (agent.user)", cancellationToken);

    public async Task DownloadPlatformAsync(string platform, CancellationToken cancellationToken) =>
        await RunCheckedAsync(Spec(ToolNames.Xcodebuild, ["-downloadPlatform", platform], PlatformTimeout) with { OutputTailBytes = 256 * 1024 },
            $"check the network and free disk space, and that steps.xcode.platforms names a platform this Xcode offers", cancellationToken);

    private async Task<XcodeVersionInfo?> ReadVersionAsync(ImmutableDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var result = await RunAsync(Spec(ToolNames.Xcodebuild, ["-version"], QuickTimeout) with { Environment = environment }, cancellationToken);
        if (result.ExitCode != 0)
        {
            // With only the Command Line Tools (or nothing) selected, the xcodebuild shim says so and exits non-zero.
            return null;
        }

        try
        {
            return XcodebuildVersionParser.Parse(result.StdoutTail);
        }
        catch (FormatException ex)
        {
            throw new XcodeException(ex.Message);
        }
    }

    private async Task RunCheckedAsync(CommandSpec spec, string fix, CancellationToken cancellationToken)
    {
        var result = await RunAsync(spec, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new XcodeException(
                $"{Path.GetFileName(spec.FileName)} {string.Join(' ', spec.Arguments)} exited with {result.ExitCode}: "
                + $"'{ToolOutputExcerpt.Of(result.StderrTail.Length > 0 ? result.StderrTail : result.StdoutTail)}'; {fix}");
        }
    }

    private CommandSpec Spec(string tool, ImmutableArray<string> arguments, TimeSpan timeout) => ToolCall.Spec(_tools, tool, arguments, timeout);

    private Task<ProcessResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken) =>
        ToolCall.RunAsync(_runner, spec, message => new XcodeException(message), cancellationToken);
}
