using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// <see cref="ISoftwareUpdate"/> over the real `sw_vers`, `softwareupdate` and `sysctl`, resolved from the tool table.
/// A volume owner's password goes to `softwareupdate --stdinpass` on stdin only, and is masked everywhere (I6).
/// </summary>
public sealed class SoftwareUpdateTool : ISoftwareUpdate
{
    private static readonly TimeSpan QuickTimeout = TimeSpan.FromSeconds(30);
    // A catalog scan can take minutes; a macOS download is many GB before the restart.
    private static readonly TimeSpan ListTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromHours(4);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;

    public SoftwareUpdateTool(IProcessRunner runner, ToolTable tools)
    {
        _runner = runner;
        _tools = tools;
    }

    public async Task<MacOsVersion> GetProductVersionAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(Spec(ToolNames.SwVers, ["-productVersion"], QuickTimeout), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw Failed("sw_vers -productVersion", result, "check that the sw_vers tool is Apple's /usr/bin/sw_vers");
        }

        try
        {
            return SwVersParser.ParseProductVersion(result.StdoutTail);
        }
        catch (FormatException ex)
        {
            throw new SoftwareUpdateException(SoftwareUpdateInstallOutcome.Unrecognised, ex.Message);
        }
    }

    public async Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(Spec(ToolNames.Softwareupdate, ["--list"], ListTimeout), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw Failed("softwareupdate --list", result, "check the host's network access to Apple's update servers, or an MDM-set catalog URL");
        }

        try
        {
            // "No new software available." and the XType noise go to stderr: the parser reads both streams.
            return SoftwareUpdateListParser.Parse(result.StdoutTail + "\n" + result.StderrTail);
        }
        catch (FormatException ex)
        {
            throw new SoftwareUpdateException(SoftwareUpdateInstallOutcome.Unrecognised, ex.Message);
        }
    }

    public async Task InstallAsync(string label, bool restart, AccountCredentials? volumeOwner, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        List<string> arguments = ["--install", label, "--agree-to-license"];
        if (restart)
        {
            // Without --restart an update that needs one stops at "Downloaded: …" and is never applied.
            arguments.Add("--restart");
        }

        var spec = Spec(ToolNames.Softwareupdate, [], InstallTimeout);
        if (volumeOwner is not null && await IsAppleSiliconAsync(cancellationToken))
        {
            // Apple Silicon installs only with a volume owner's credentials; the password travels on stdin.
            arguments.AddRange(["--user", volumeOwner.User, "--stdinpass"]);
            spec = spec with { StandardInput = StandardInput.FromText(volumeOwner.Password + "\n"), Secrets = [volumeOwner.Password] };
        }

        var result = await RunAsync(spec with { Arguments = [.. arguments] }, cancellationToken);
        var outcome = SoftwareUpdateOutputClassifier.Classify(result.StdoutTail + "\n" + result.StderrTail);
        if (outcome != SoftwareUpdateInstallOutcome.Unrecognised)
        {
            throw new SoftwareUpdateException(outcome, $"softwareupdate --install {label}: {SoftwareUpdateOutputClassifier.Describe(outcome)}");
        }

        if (result.ExitCode != 0)
        {
            throw Failed($"softwareupdate --install {label}", result, SoftwareUpdateOutputClassifier.Describe(outcome));
        }
    }

    /// <summary>`sysctl -n hw.optional.arm64` prints 1 on Apple Silicon, even under Rosetta (where `uname -m` says x86_64).</summary>
    private async Task<bool> IsAppleSiliconAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(Spec(ToolNames.Sysctl, ["-n", "hw.optional.arm64"], QuickTimeout), cancellationToken);
        // Older Intel releases do not know the key at all and exit non-zero: that is "not Apple Silicon".
        return result.ExitCode == 0 && result.StdoutTail.Trim() == "1";
    }

    private CommandSpec Spec(string tool, ImmutableArray<string> arguments, TimeSpan timeout) => ToolCall.Spec(_tools, tool, arguments, timeout);

    private Task<ProcessResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken) =>
        ToolCall.RunAsync(_runner, spec, message => new SoftwareUpdateException(SoftwareUpdateInstallOutcome.Unrecognised, message), cancellationToken);

    private static SoftwareUpdateException Failed(string command, ProcessResult result, string fix) =>
        new(SoftwareUpdateInstallOutcome.Unrecognised,
            $"{command} exited with {result.ExitCode}: '{ToolOutputExcerpt.Of(result.StderrTail.Length > 0 ? result.StderrTail : result.StdoutTail)}'; {fix}");
}
