using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// The installed binary's code signature, as Apple's own `codesign --verify --strict` judges it: on Apple silicon
/// the kernel kills a process whose pages do not match its signature, so launchd would never get our daemon
/// running. codesign(1), EXIT STATUS: 0 when every path verifies, 1 when verification fails (stderr says why, as
/// `PATH: invalid signature (code or signature have been modified)` or `PATH: code object is not signed at all`),
/// 2 for bad arguments. A valid ad-hoc signature is a Warning: docs/signing.md says why fleets sign with a Developer ID.
/// </summary>
public sealed class CodeSignatureCheck : IDoctorCheck
{
    private readonly ToolTable _tools;
    private readonly IProcessRunner _runner;
    private readonly HostPaths _paths;

    public CodeSignatureCheck(ToolTable tools, IProcessRunner runner, HostPaths paths)
    {
        _tools = tools;
        _runner = runner;
        _paths = paths;
    }

    public string Name => "code-signature";

    public async Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var codesign = _tools.PathOf(ToolNames.Codesign);
        var binary = _paths.InstalledBinaryPath;
        if (!File.Exists(codesign))
        {
            return [DoctorFinding.Ok(Name, $"skipped: there is no codesign at {codesign} (not a Mac)")];
        }

        if (!File.Exists(binary))
        {
            return [DoctorFinding.Ok(Name, $"nothing installed yet at {binary}")];
        }

        var (verify, cannotRun) = await ToolOutput.RunAsync(_runner, codesign, ["--verify", "--strict", binary], cancellationToken);
        if (verify is null)
        {
            return [DoctorFinding.Warning(Name, $"could not verify the installed binary's signature: {cannotRun}", $"run `codesign --verify --strict --verbose=2 {binary}` by hand")];
        }

        if (verify.ExitCode == 1)
        {
            return [DoctorFinding.Problem(
                Name,
                $"`codesign --verify --strict` rejects the installed binary: {Said(verify)}. On Apple silicon the kernel kills a binary whose signature does not match, so launchd cannot run the daemon",
                $"replace {binary} with an intact copy of a signed release (publish.ps1 signs it; docs/signing.md) and run its `install` again; never patch or strip a signed binary")];
        }

        if (verify.ExitCode != 0)
        {
            return [DoctorFinding.Warning(Name, $"`codesign --verify --strict {binary}` exited {verify.ExitCode}: {Said(verify)}", $"run `codesign --verify --strict --verbose=2 {binary}` by hand")];
        }

        var (display, _) = await ToolOutput.RunAsync(_runner, codesign, ["--display", "--verbose=2", binary], cancellationToken);
        var signature = display is { ExitCode: 0 } ? CodesignDisplay.Parse(display.StderrTail + "\n" + display.StdoutTail) : null;
        return signature switch
        {
            { IsAdHoc: true } => [DoctorFinding.Warning(
                Name,
                $"the installed binary's signature is valid but ad-hoc: its designated requirement is its cdhash{(signature.CdHash is null ? "" : $" ({signature.CdHash})")}, so TCC and PPPC profiles see every release as a new program",
                "sign releases with a Developer ID (publish.ps1 -SigningIdentity; docs/signing.md), so a PPPC profile names the team and identifier once")],
            { Authority: { } authority } => [DoctorFinding.Ok(Name, $"the installed binary's signature is valid (`codesign --verify --strict`); signed by {authority}{(signature.TeamId is null ? "" : $", team {signature.TeamId}")}")],
            _ => [DoctorFinding.Ok(Name, "the installed binary's signature is valid (`codesign --verify --strict`)")],
        };
    }

    private static string Said(ProcessResult result)
    {
        var text = (result.StderrTail.Length > 0 ? result.StderrTail : result.StdoutTail).Trim().ReplaceLineEndings(" ");
        return text.Length > 0 ? text : "(no output)";
    }
}
