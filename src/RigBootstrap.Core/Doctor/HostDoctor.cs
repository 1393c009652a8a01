using System.Collections.Immutable;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Doctor;

/// <summary>`doctor`: runs every check in turn and gathers what they found; it never changes the host.</summary>
public sealed class HostDoctor
{
    private readonly ImmutableArray<IDoctorCheck> _checks;

    public HostDoctor(ImmutableArray<IDoctorCheck> checks) => _checks = checks;

    /// <summary>The checks for a host: root, tools, the Command Line Tools (macOS), FileVault, os-upgrade's mode (macOS), Background Task Management, file hygiene (docs/invariants.md I7), the binary's signature and quarantine, disk, the Xcode archive.</summary>
    public static HostDoctor ForHost(HostServices services, DoctorTarget target, BootstrapConfig? config, bool isMacOS, uint effectiveUserId) => new(
    [
        new RootCheck(services.Paths, effectiveUserId),
        new ToolPresenceCheck(services.Tools, isMacOS, config),
        .. isMacOS ? [new CommandLineToolsCheck(services.CommandLineTools, new CommandLineToolsOnDemandMarker(services.Paths), config)] : Array.Empty<IDoctorCheck>(),
        new FileVaultCheck(services.Tools, services.ProcessRunner),
        .. isMacOS ? [new OsUpgradeCheck(services.Tools, services.ProcessRunner, services.VolumeOwners, config)] : ImmutableArray<IDoctorCheck>.Empty,
        new BackgroundTaskCheck(services.Tools, services.ProcessRunner, target.Labels),
        new FileHygieneCheck(services.Paths, ServiceDefinitionFile.PathFor(services.Platform, services.Paths, target.Label), services.Paths.IsRealRoot ? 0 : null),
        new CodeSignatureCheck(services.Tools, services.ProcessRunner, services.Paths),
        new QuarantineCheck(services.Tools, services.ProcessRunner, services.Paths),
        new DiskSpaceCheck(services.Paths),
        .. config?.Steps.Xcode?.Xip is { } xip ? [new XipSourceCheck(services.Paths, xip, services.HttpClientFactory, services.Time)] : Array.Empty<IDoctorCheck>(),
    ]);

    public async Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var findings = ImmutableArray.CreateBuilder<DoctorFinding>();
        foreach (var check in _checks)
        {
            findings.AddRange(await check.RunAsync(cancellationToken));
        }

        return findings.ToImmutable();
    }
}
