using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// FileVault blocks autologin (docs/design.md §10): after a plain reboot the Mac waits at the unlock screen for a person,
/// so the agent user never logs in and the workflow cannot finish unattended.
/// </summary>
public sealed class FileVaultCheck : IDoctorCheck
{
    private readonly ToolTable _tools;
    private readonly IProcessRunner _runner;

    public FileVaultCheck(ToolTable tools, IProcessRunner runner)
    {
        _tools = tools;
        _runner = runner;
    }

    public string Name => "filevault";

    public async Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var fdesetup = _tools.PathOf(ToolNames.Fdesetup);
        if (!File.Exists(fdesetup))
        {
            return [DoctorFinding.Ok(Name, $"skipped: there is no fdesetup at {fdesetup} (not a Mac)")];
        }

        var (result, cannotRun) = await ToolOutput.RunAsync(_runner, fdesetup, ["status"], cancellationToken);
        var output = result?.StdoutTail.Trim() ?? "";
        var finding = (result, output) switch
        {
            (null, _) => DoctorFinding.Warning(Name, $"could not ask FileVault: {cannotRun}", "run `fdesetup status` by hand"),
            ({ ExitCode: not 0 }, _) => DoctorFinding.Warning(
                Name, $"`fdesetup status` exited {result.ExitCode}: {result.StderrTail.Trim()}", "run `sudo fdesetup status` by hand"),
            (_, var text) when text.StartsWith("FileVault is Off.", StringComparison.Ordinal) => DoctorFinding.Ok(Name, "FileVault is Off: a reboot comes back to the login window, and autologin works"),
            (_, var text) when text.StartsWith("FileVault is On", StringComparison.Ordinal) || text.Contains("Encryption in progress", StringComparison.Ordinal) =>
                DoctorFinding.Warning(
                    Name,
                    $"{FirstLine(text)} A plain reboot stops at the FileVault unlock screen, so autologin never happens and the workflow waits for a person.",
                    "every reboot needs `fdesetup authrestart` (it unlocks the disk once, with an admin's or a recovery key's authorization); or keep FileVault off on build hosts"),
            _ => DoctorFinding.Warning(Name, $"`fdesetup status` said: {FirstLine(output)}", "check FileVault by hand: autologin needs it off, or `fdesetup authrestart` for each reboot"),
        };
        return [finding];
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
