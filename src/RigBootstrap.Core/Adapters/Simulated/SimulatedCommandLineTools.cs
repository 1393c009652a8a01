using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// The Command Line Tools on the simulated Mac, as files under the host root. Like a fresh Mac, `xcode-select -p`
/// names nothing until they are installed; `softwareupdate --list` offers them only while the on-demand marker exists
/// (docs/command-line-tools.md); the install puts `/Library/Developer/CommandLineTools/usr/bin/git` in place, a link
/// to the real git of this machine, which the probe then runs. The simulated Xcode keeps its own selection apart.
/// </summary>
public sealed class SimulatedCommandLineTools : ICommandLineTools
{
    /// <summary>What the simulated catalog offers: the two labels of a Sequoia list, so the newest must be picked.</summary>
    public static readonly ImmutableArray<SoftwareUpdate> Offered =
    [
        new() { Label = "Command Line Tools for Xcode-16.2", Title = "Command Line Tools for Xcode", Version = "16.2", SizeKiB = 751786, Recommended = true },
        new() { Label = "Command Line Tools for Xcode-16.4", Title = "Command Line Tools for Xcode", Version = "16.4", SizeKiB = 861558, Recommended = true },
    ];

    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(30);

    private readonly HostPaths _paths;
    private readonly IProcessRunner _runner;
    private readonly string? _realGitPath;

    /// <param name="realGitPath">This machine's git, which the installed tools' git links to; null when there is none.</param>
    public SimulatedCommandLineTools(SimulatedMac mac, IProcessRunner runner, string? realGitPath)
    {
        _paths = mac.Paths;
        _runner = runner;
        _realGitPath = realGitPath;
    }

    public string GitPath => Path.Join(_paths.CommandLineToolsDirPath, "usr", "bin", "git");

    public bool Installed => File.Exists(GitPath);

    public async Task<DeveloperTools> ProbeAsync(CancellationToken cancellationToken)
    {
        if (!Installed)
        {
            return DeveloperTools.Missing(null, null, "xcode-select -p names no developer directory (a fresh Mac): the Command Line Tools are not installed");
        }

        var result = await _runner.RunAsync(new CommandSpec { FileName = GitPath, Arguments = ["--version"], Timeout = VersionTimeout, AllowedExitCodes = [] }, cancellationToken);
        var firstLine = result.StdoutTail.Split('\n')[0].Trim();
        return result.ExitCode == 0 && firstLine.StartsWith("git version ", StringComparison.Ordinal)
            ? new DeveloperTools { DeveloperDirPath = HostPaths.CommandLineToolsDirLocation, GitPath = GitPath, GitVersion = firstLine }
            : DeveloperTools.Missing(HostPaths.CommandLineToolsDirLocation, GitPath, $"{GitPath} --version exited with {result.ExitCode}");
    }

    public Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult(OnDemand && !Installed ? Offered : []);

    public Task InstallAsync(string label, CancellationToken cancellationToken)
    {
        if (!OnDemand || Installed || !Offered.Any(u => u.Label == label))
        {
            throw new CommandLineToolsException($"softwareupdate --install \"{label}\": No such update; the step lists again on its next attempt", retryable: true);
        }

        if (_realGitPath is null)
        {
            throw new CommandLineToolsException(
                "the simulated Command Line Tools link their git to this machine's, and none was found; install git (apt-get install git)", retryable: false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(GitPath)!);
        File.CreateSymbolicLink(GitPath, _realGitPath);
        return Task.CompletedTask;
    }

    private bool OnDemand => File.Exists(_paths.CommandLineToolsOnDemandMarkerPath);
}
