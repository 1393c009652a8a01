using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// Which os-upgrade mode can work on this Mac (docs/os-upgrade.md): the architecture (`sysctl -n hw.optional.arm64`),
/// the bootstrap token (`profiles status -type bootstraptoken`: on Apple Silicon an MDM installs updates unattended
/// only with it escrowed), and, with a config, whether its mode fits, its volume owner included.
/// </summary>
public sealed class OsUpgradeCheck : IDoctorCheck
{
    private readonly ToolTable _tools;
    private readonly IProcessRunner _runner;
    private readonly IVolumeOwners _volumeOwners;
    private readonly OsUpgradeConfig? _config;
    private readonly bool _configured;

    public OsUpgradeCheck(ToolTable tools, IProcessRunner runner, IVolumeOwners volumeOwners, BootstrapConfig? config)
    {
        _tools = tools;
        _runner = runner;
        _volumeOwners = volumeOwners;
        _config = config?.Steps.OsUpgrade;
        _configured = config is not null;
    }

    public string Name => "os-upgrade";

    public async Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        if (_configured && _config is null)
        {
            return [DoctorFinding.Ok(Name, "skipped: the config has no steps.osUpgrade")];
        }

        var (sysctl, cannotRun) = await ToolOutput.RunAsync(_runner, _tools.PathOf(ToolNames.Sysctl), ["-n", "hw.optional.arm64"], cancellationToken);
        if (sysctl is null)
        {
            return [DoctorFinding.Warning(Name, $"could not tell the architecture: {cannotRun}", "run `sysctl -n hw.optional.arm64` by hand (1: Apple Silicon)")];
        }

        // Older Intel releases do not know the key at all and exit non-zero: that is Intel too.
        var appleSilicon = sysctl.ExitCode == 0 && sysctl.StdoutTail.Trim() == "1";
        var findings = ImmutableArray.CreateBuilder<DoctorFinding>();
        findings.Add(DoctorFinding.Ok(Name, appleSilicon
            ? "architecture: Apple Silicon (hw.optional.arm64 = 1): softwareupdate installs macOS only as a volume owner; the default mode is mdm"
            : "architecture: Intel: softwareupdate installs macOS as root; the default mode is softwareupdate"));
        var token = await BootstrapTokenAsync(cancellationToken);
        findings.Add(TokenFinding(token, appleSilicon));
        findings.Add(await ModeFindingAsync(appleSilicon, token, cancellationToken));
        return findings.ToImmutable();
    }

    private async Task<BootstrapTokenStatus?> BootstrapTokenAsync(CancellationToken cancellationToken)
    {
        var (result, _) = await ToolOutput.RunAsync(_runner, _tools.PathOf(ToolNames.Profiles), ["status", "-type", "bootstraptoken"], cancellationToken);
        return result is null ? null : BootstrapTokenStatusParser.Parse(result.StdoutTail + "\n" + result.StderrTail);
    }

    private DoctorFinding TokenFinding(BootstrapTokenStatus? token, bool appleSilicon) => token switch
    {
        null or { SupportedOnServer: null, EscrowedToServer: null } => DoctorFinding.Warning(Name,
            "could not read the bootstrap token's status", "run `sudo profiles status -type bootstraptoken` by hand"),
        { EscrowedToServer: true } => DoctorFinding.Ok(Name, "bootstrap token: escrowed to the MDM: it can install macOS updates unattended"),
        { SupportedOnServer: false } => Escrow(appleSilicon, "bootstrap token: the MDM does not support it (supported on server: NO)",
            "use an MDM that supports the bootstrap token, or mode \"softwareupdate\" with a volumeOwner"),
        _ => Escrow(appleSilicon, "bootstrap token: not escrowed to the MDM",
            "escrow it: `sudo profiles install -type bootstraptoken` as a secure-token admin (or log in once as one), or use mode \"softwareupdate\" with a volumeOwner"),
    };

    private DoctorFinding Escrow(bool appleSilicon, string message, string fix) =>
        appleSilicon ? DoctorFinding.Warning(Name, message + "; on Apple Silicon an MDM-driven update then needs a person", fix) : DoctorFinding.Ok(Name, message + " (not needed on Intel)");

    private async Task<DoctorFinding> ModeFindingAsync(bool appleSilicon, BootstrapTokenStatus? token, CancellationToken cancellationToken)
    {
        var escrowed = token?.EscrowedToServer == true;
        if (_config is null)
        {
            return DoctorFinding.Ok(Name, appleSilicon
                ? (escrowed ? "mode: mdm will work (the default here); softwareupdate works with a volumeOwner" : "mode: softwareupdate with a volumeOwner will work; mdm needs the bootstrap token escrowed")
                : "mode: softwareupdate will work (the default here), without credentials");
        }

        var mode = _config.Mode ?? (appleSilicon ? OsUpgradeMode.Mdm : OsUpgradeMode.SoftwareUpdate);
        var chosen = _config.Mode is null ? $"mode {Text(mode)} (chosen by architecture)" : $"mode {Text(mode)}";
        if (mode == OsUpgradeMode.Mdm)
        {
            return !appleSilicon || escrowed
                ? DoctorFinding.Ok(Name, $"{chosen}: the MDM must send a software-update enforcement declaration for macOS {_config.MinimumVersion} or later (docs/os-upgrade.md)")
                : DoctorFinding.Problem(Name, $"{chosen}, but the bootstrap token is not escrowed: the MDM cannot install macOS {_config.MinimumVersion} unattended",
                    "escrow the bootstrap token (`sudo profiles install -type bootstraptoken`), or set steps.osUpgrade.mode to \"softwareupdate\" with a volumeOwner");
        }

        if (!appleSilicon)
        {
            return DoctorFinding.Ok(Name, $"{chosen}: softwareupdate installs as root on Intel");
        }

        if (_config.VolumeOwner is not { } owner)
        {
            return DoctorFinding.Problem(Name, $"{chosen} without a volumeOwner cannot install on Apple Silicon",
                "add steps.osUpgrade.volumeOwner { user, passwordSecret }, or set mode to \"mdm\"");
        }

        try
        {
            var ownership = await _volumeOwners.CheckAsync(owner.User, cancellationToken);
            return ownership.IsOwner
                ? DoctorFinding.Ok(Name, $"{chosen}: {ownership.Evidence}")
                : DoctorFinding.Problem(Name, $"{chosen}: {ownership.Evidence}", "name a volume owner in steps.osUpgrade.volumeOwner.user (`diskutil apfs listUsers /` marks them `Volume Owner: Yes`)");
        }
        catch (Exception ex) when (ex is SoftwareUpdateException or ProcessStartException)
        {
            return DoctorFinding.Warning(Name, $"{chosen}: could not check that {owner.User} is a volume owner: {ex.Message}", "run `diskutil apfs listUsers /` by hand");
        }
    }

    private static string Text(OsUpgradeMode mode) => mode == OsUpgradeMode.Mdm ? "mdm" : "softwareupdate";
}
