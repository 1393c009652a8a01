using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// <see cref="ISoftwareUpdate"/> over the real `sw_vers`, `softwareupdate` and `sysctl`, resolved from the tool table.
/// A volume owner's password goes to `softwareupdate --stdinpass` on stdin only, and is masked everywhere (docs/invariants.md I6). An
/// install is watched (<see cref="SoftwareUpdateInstallWatch"/>) rather than waited on for hours.
/// </summary>
public sealed class SoftwareUpdateTool : ISoftwareUpdate
{
    private static readonly TimeSpan QuickTimeout = TimeSpan.FromSeconds(30);
    // A catalog scan can take minutes; a macOS download is many GB before the restart.
    private static readonly TimeSpan ListTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromHours(4);
    // Download progress prints every few seconds; half an hour of silence is a hang, not a slow network.
    private static readonly TimeSpan DefaultSilenceLimit = TimeSpan.FromMinutes(30);
    // After "Downloaded:" a macOS update is prepared before the restart, which takes minutes on Apple Silicon.
    private static readonly TimeSpan DefaultRestartWindow = TimeSpan.FromHours(1);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;
    private readonly TimeProvider _time;
    private readonly TimeSpan _silenceLimit;
    private readonly TimeSpan _restartWindow;

    /// <summary>The limits of an install's watch default to half an hour of silence and an hour from download to restart.</summary>
    public SoftwareUpdateTool(IProcessRunner runner, ToolTable tools, TimeProvider time, TimeSpan? silenceLimit = null, TimeSpan? restartWindow = null)
    {
        _runner = runner;
        _tools = tools;
        _time = time;
        _silenceLimit = silenceLimit ?? DefaultSilenceLimit;
        _restartWindow = restartWindow ?? DefaultRestartWindow;
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
        if (volumeOwner is not null)
        {
            // Apple Silicon installs only with a volume owner's credentials; the password travels on stdin.
            arguments.AddRange(["--user", volumeOwner.User, "--stdinpass"]);
            spec = spec with { StandardInput = StandardInput.FromText(volumeOwner.Password + "\n"), Secrets = [volumeOwner.Password] };
        }

        using var watch = new SoftwareUpdateInstallWatch(_silenceLimit, _restartWindow, _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watch.Stop);
        var result = await _runner.RunAsync(spec with { Arguments = [.. arguments], OutputSink = watch }, stop.Token);
        cancellationToken.ThrowIfCancellationRequested();
        if (watch.SawPasswordPrompt)
        {
            throw Install(label, SoftwareUpdateInstallOutcome.PasswordPrompt);
        }

        if (result.Canceled || result.TimedOut)
        {
            throw new SoftwareUpdateException(SoftwareUpdateInstallOutcome.NoRestart, watch.Downloaded is { } downloaded
                ? $"softwareupdate --install {label} downloaded {downloaded} but the host did not restart within {watch.RestartWindow.TotalMinutes:0} minutes; it was stopped. {SoftwareUpdateOutputClassifier.Describe(SoftwareUpdateInstallOutcome.NoRestart)}"
                : $"softwareupdate --install {label} printed nothing for {watch.SilenceLimit.TotalMinutes:0} minutes (or ran past {InstallTimeout.TotalHours:0} hours); it was stopped. {SoftwareUpdateOutputClassifier.Describe(SoftwareUpdateInstallOutcome.NoRestart)}");
        }

        var outcome = SoftwareUpdateOutputClassifier.Classify(result.StdoutTail + "\n" + result.StderrTail);
        if (restart && outcome == SoftwareUpdateInstallOutcome.DownloadedOnly && result.ExitCode == 0)
        {
            // With --restart the download is the last line before the restart; the tool may exit first. The restart
            // kills this process; still being here after the window means it did not come.
            await Task.Delay(watch.RestartWindow, _time, cancellationToken);
            throw new SoftwareUpdateException(SoftwareUpdateInstallOutcome.NoRestart,
                $"softwareupdate --install {label} --restart exited after the download, and the host did not restart within {watch.RestartWindow.TotalMinutes:0} minutes. {SoftwareUpdateOutputClassifier.Describe(SoftwareUpdateInstallOutcome.NoRestart)}");
        }

        if (outcome != SoftwareUpdateInstallOutcome.Unrecognised)
        {
            throw Install(label, outcome);
        }

        if (result.ExitCode != 0)
        {
            throw Failed($"softwareupdate --install {label}", result, SoftwareUpdateOutputClassifier.Describe(outcome));
        }
    }

    public async Task<bool> IsAppleSiliconAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(Spec(ToolNames.Sysctl, ["-n", "hw.optional.arm64"], QuickTimeout), cancellationToken);
        // Older Intel releases do not know the key at all and exit non-zero ("unknown oid"): that is "not Apple Silicon".
        return result.ExitCode == 0 && result.StdoutTail.Trim() == "1";
    }

    private static SoftwareUpdateException Install(string label, SoftwareUpdateInstallOutcome outcome) =>
        new(outcome, $"softwareupdate --install {label}: {SoftwareUpdateOutputClassifier.Describe(outcome)}");

    private CommandSpec Spec(string tool, ImmutableArray<string> arguments, TimeSpan timeout) => ToolCall.Spec(_tools, tool, arguments, timeout);

    private Task<ProcessResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken) =>
        ToolCall.RunAsync(_runner, spec, message => new SoftwareUpdateException(SoftwareUpdateInstallOutcome.Unrecognised, message), cancellationToken);

    private static SoftwareUpdateException Failed(string command, ProcessResult result, string fix) =>
        new(SoftwareUpdateInstallOutcome.Unrecognised,
            $"{command} exited with {result.ExitCode}: '{ToolOutputExcerpt.Of(result.StderrTail.Length > 0 ? result.StderrTail : result.StdoutTail)}'; {fix}");
}
