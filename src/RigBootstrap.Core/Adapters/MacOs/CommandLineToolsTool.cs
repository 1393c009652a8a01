using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// <see cref="ICommandLineTools"/> over the real `xcode-select` and `softwareupdate`, resolved from the tool table. The
/// git it finds is `&lt;xcode-select -p&gt;/usr/bin/git`: `/usr/bin/git` is only a shim that fails with "xcrun: error:
/// invalid active developer path" until the tools are installed, so it proves nothing.
/// </summary>
public sealed class CommandLineToolsTool : ICommandLineTools
{
    private static readonly TimeSpan QuickTimeout = TimeSpan.FromSeconds(30);
    // A catalog scan can take minutes; the tools are close to 1 GB (861558KiB for 16.4 in the fixtures).
    private static readonly TimeSpan ListTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromHours(2);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;
    private readonly HostPaths _paths;

    public CommandLineToolsTool(IProcessRunner runner, ToolTable tools, HostPaths paths)
    {
        _runner = runner;
        _tools = tools;
        _paths = paths;
    }

    public async Task<DeveloperTools> ProbeAsync(CancellationToken cancellationToken)
    {
        var select = await RunAsync(ToolCall.Spec(_tools, ToolNames.XcodeSelect, ["-p"], QuickTimeout), cancellationToken);
        if (select.ExitCode != 0)
        {
            var said = select.StderrTail.Length > 0 ? select.StderrTail : select.StdoutTail;
            return DeveloperTools.Missing(null, null, XcodeSelectOutput.SaysNoneSelected(said)
                ? "xcode-select -p names no developer directory (a fresh Mac): the Command Line Tools are not installed"
                : $"xcode-select -p exited with {select.ExitCode}: '{ToolOutputExcerpt.Of(said)}'");
        }

        string developerDir;
        try
        {
            developerDir = XcodeSelectOutput.ParseDeveloperDir(select.StdoutTail);
        }
        catch (FormatException ex)
        {
            return DeveloperTools.Missing(null, null, ex.Message);
        }

        // The selection is a host path; on a simulated host it lives under the root, as every host path does.
        var gitPath = Path.Join(_paths.Resolve(developerDir), "usr", "bin", "git");
        if (!File.Exists(gitPath))
        {
            return DeveloperTools.Missing(developerDir, gitPath,
                $"xcode-select -p names {developerDir}, which has no usr/bin/git (removed, or left incomplete by a macOS upgrade)");
        }

        ProcessResult version;
        try
        {
            version = await RunAsync(new CommandSpec { FileName = gitPath, Arguments = ["--version"], Timeout = QuickTimeout, AllowedExitCodes = [] }, cancellationToken);
        }
        catch (ProcessStartException ex)
        {
            return DeveloperTools.Missing(developerDir, gitPath, $"{gitPath} cannot be started: {ex.Message}");
        }

        var firstLine = version.StdoutTail.Split('\n')[0].Trim();
        return version.ExitCode == 0 && firstLine.StartsWith("git version ", StringComparison.Ordinal)
            ? new DeveloperTools { DeveloperDirPath = developerDir, GitPath = gitPath, GitVersion = firstLine }
            : DeveloperTools.Missing(developerDir, gitPath,
                $"{gitPath} --version exited with {version.ExitCode}: '{ToolOutputExcerpt.Of(version.StderrTail.Length > 0 ? version.StderrTail : version.StdoutTail)}'");
    }

    public async Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(ToolCall.Spec(_tools, ToolNames.Softwareupdate, ["--list"], ListTimeout), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new CommandLineToolsException(
                $"softwareupdate --list exited with {result.ExitCode}: '{ToolOutputExcerpt.Of(result.StderrTail.Length > 0 ? result.StderrTail : result.StdoutTail)}'; "
                + "check the host's network access to Apple's update servers, or an MDM-set catalog", retryable: true);
        }

        try
        {
            // "No new software available." and the XType noise go to stderr: the parser reads both streams.
            return SoftwareUpdateListParser.Parse(result.StdoutTail + "\n" + result.StderrTail);
        }
        catch (FormatException ex)
        {
            throw new CommandLineToolsException(ex.Message, retryable: true);
        }
    }

    public async Task InstallAsync(string label, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var result = await RunAsync(ToolCall.Spec(_tools, ToolNames.Softwareupdate, ["--install", label], InstallTimeout), cancellationToken);
        var output = result.StdoutTail + "\n" + result.StderrTail;
        switch (CommandLineToolsInstallOutput.Classify(output))
        {
            case CommandLineToolsInstallOutcome.NoSuchUpdate:
                throw new CommandLineToolsException(
                    $"softwareupdate --install \"{label}\": No such update; the label is no longer offered (a newer one replaced it), the step lists again on its next attempt",
                    retryable: true);
            case CommandLineToolsInstallOutcome.Unrecognised when result.ExitCode != 0:
                throw new CommandLineToolsException(
                    $"softwareupdate --install \"{label}\" exited with {result.ExitCode}: '{ToolOutputExcerpt.Of(output)}'; check free disk space and /var/log/install.log",
                    retryable: true);
            default:
                // "Done." or output we do not know with exit 0: the probe after the install is the judge.
                return;
        }
    }

    private Task<ProcessResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken) =>
        ToolCall.RunAsync(_runner, spec, message => new CommandLineToolsException(message, retryable: true), cancellationToken);
}
