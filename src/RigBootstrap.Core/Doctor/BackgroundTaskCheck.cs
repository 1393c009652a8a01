using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// Background Task Management (macOS 13+) and `launchctl disable` leave a disabled override that survives reboots:
/// launchd then never starts our daemon or the fleet agent, and nothing says why (docs/design.md §10).
/// </summary>
public sealed class BackgroundTaskCheck : IDoctorCheck
{
    private readonly ToolTable _tools;
    private readonly IProcessRunner _runner;
    private readonly ImmutableArray<string> _labels;

    public BackgroundTaskCheck(ToolTable tools, IProcessRunner runner, ImmutableArray<string> labels)
    {
        _tools = tools;
        _runner = runner;
        _labels = labels;
    }

    public string Name => "background-tasks";

    public async Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var launchctl = _tools.PathOf(ToolNames.Launchctl);
        if (!File.Exists(launchctl))
        {
            return [DoctorFinding.Ok(Name, $"skipped: there is no launchctl at {launchctl} (not a Mac)")];
        }

        var (result, cannotRun) = await ToolOutput.RunAsync(_runner, launchctl, ["print-disabled", "system"], cancellationToken);
        if (result is not { ExitCode: 0 })
        {
            var why = result is null ? cannotRun : $"exited {result.ExitCode}: {result.StderrTail.Trim()}";
            return [DoctorFinding.Warning(Name, $"could not read launchd's disabled list (`launchctl print-disabled system` {why})", "run `sudo launchctl print-disabled system` by hand and look for our labels")];
        }

        var disabled = LaunchdDisabledList.DisabledLabels(result.StdoutTail);
        var findings = _labels.Where(disabled.Contains).Select(label => DoctorFinding.Problem(
            Name,
            $"launchd has {label} disabled (a `launchctl disable` or a switch in System Settings › Login Items); it will not start at boot, and the override survives reboots",
            $"`sudo launchctl enable system/{label}`; to stop users switching it off, manage it with an MDM Login Items (com.apple.servicemanagement) profile")).ToImmutableArray();
        return findings.IsEmpty
            ? [DoctorFinding.Ok(Name, $"{string.Join(" and ", _labels)} not disabled in launchd (an MDM Login Items profile keeps users from switching them off)")]
            : findings;
    }
}
