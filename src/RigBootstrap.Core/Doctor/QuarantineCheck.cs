using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// No com.apple.quarantine attribute on the installed binary. Browsers and mail clients set it on what they
/// download; Gatekeeper then checks the executable in full at its first run, and since Catalina kills a quarantined
/// command tool that is not notarized, behind a dialog (eclecticlight.co, 2017-12-11 "xattr: com.apple.quarantine"
/// and 2019-10-22 "Catalina crashes non-notarized command tools with a quarantine flag"), which no one sees under
/// launchd. `xattr -p NAME PATH` prints the value and exits 0; without the attribute it prints
/// `xattr: PATH: No such xattr: NAME` to stderr and exits 1 (Apple's xattr.c, print_errno on ENOATTR; the same text
/// for `-d` in hluk/CopyQ issue #3258).
/// </summary>
public sealed class QuarantineCheck : IDoctorCheck
{
    public const string Attribute = "com.apple.quarantine";

    private readonly ToolTable _tools;
    private readonly IProcessRunner _runner;
    private readonly HostPaths _paths;

    public QuarantineCheck(ToolTable tools, IProcessRunner runner, HostPaths paths)
    {
        _tools = tools;
        _runner = runner;
        _paths = paths;
    }

    public string Name => "quarantine";

    public async Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var xattr = _tools.PathOf(ToolNames.Xattr);
        var binary = _paths.InstalledBinaryPath;
        if (!File.Exists(xattr))
        {
            return [DoctorFinding.Ok(Name, $"skipped: there is no xattr at {xattr} (not a Mac)")];
        }

        if (!File.Exists(binary))
        {
            return [DoctorFinding.Ok(Name, $"nothing installed yet at {binary}")];
        }

        var (result, cannotRun) = await ToolOutput.RunAsync(_runner, xattr, ["-p", Attribute, binary], cancellationToken);
        var finding = result switch
        {
            null => DoctorFinding.Warning(Name, $"could not read the installed binary's extended attributes: {cannotRun}", $"run `xattr -l {binary}` by hand"),
            { ExitCode: 0 } => DoctorFinding.Problem(
                Name,
                $"the installed binary carries {Attribute} ({result.StdoutTail.Trim()}): Gatekeeper checks it in full at its first run and kills it unless it is notarized, behind a dialog no one sees under launchd",
                $"`sudo xattr -d {Attribute} {binary}`; browsers set it on what they download, so fetch releases with curl, which does not"),
            { ExitCode: 1 } when result.StderrTail.Contains("No such xattr", StringComparison.Ordinal) => DoctorFinding.Ok(Name, $"no {Attribute} attribute on the installed binary"),
            _ => DoctorFinding.Warning(
                Name,
                $"`xattr -p {Attribute} {binary}` exited {result.ExitCode}: {result.StderrTail.Trim()}",
                $"run `xattr -l {binary}` by hand and remove {Attribute} if it is there"),
        };
        return [finding];
    }
}
