using System.Collections.Immutable;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// `sw_vers` and `softwareupdate` on the simulated Mac, as files under its dir: the running version, a catalog of
/// offered macOS versions (one per line, `15.1` or `15.1 deferred`), and an installed update pending until the next
/// boot. Like the real tool, an install with restart stages the update and restarts the host by itself; on an Apple
/// Silicon Mac it installs only with a volume owner's credentials whose password the account accepts.
/// </summary>
public sealed class SimulatedSoftwareUpdate : ISoftwareUpdate
{
    private const string DeferredMark = "deferred";

    private readonly SimulatedMac _mac;
    private readonly MacOsVersion _startVersion;
    private readonly ImmutableArray<MacOsVersion> _offered;
    private readonly bool _appleSilicon;
    private readonly SimulatedLoginWindow? _accounts;

    /// <summary>
    /// On first use the Mac runs <paramref name="startVersion"/> and is offered <paramref name="offered"/>; later its
    /// files decide. <paramref name="accounts"/> checks a volume owner's password where the simulation knows it.
    /// </summary>
    public SimulatedSoftwareUpdate(
        SimulatedMac mac, MacOsVersion startVersion, ImmutableArray<MacOsVersion> offered, bool appleSilicon = false, SimulatedLoginWindow? accounts = null)
    {
        _mac = mac;
        _startVersion = startVersion;
        _offered = offered;
        _appleSilicon = appleSilicon;
        _accounts = accounts;
    }

    public string DirPath => Path.Join(_mac.DirPath, "softwareupdate");

    public string ProductVersionPath => Path.Join(DirPath, "product-version");

    public string CatalogPath => Path.Join(DirPath, "catalog");

    public string PendingPath => Path.Join(DirPath, "pending");

    public Task<MacOsVersion> GetProductVersionAsync(CancellationToken cancellationToken) => Task.FromResult(ReadProductVersion());

    public Task<bool> IsAppleSiliconAsync(CancellationToken cancellationToken) => Task.FromResult(_appleSilicon);

    /// <summary>
    /// What an MDM's software-update enforcement does at its target time: the update is staged, and the host restarts
    /// by itself (the next power cycle installs it).
    /// </summary>
    public void StageByMdm(MacOsVersion version)
    {
        EnsureSeeded();
        File.WriteAllText(PendingPath, version + "\n");
        File.WriteAllText(_mac.RebootRequestPath, $"MDM software-update enforcement: macOS {version}\n");
    }

    public Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken)
    {
        var current = ReadProductVersion();
        return Task.FromResult(ReadCatalog().Where(u => MacOsVersion.Parse(u.Version) > current).ToImmutableArray());
    }

    public Task InstallAsync(string label, bool restart, AccountCredentials? volumeOwner, CancellationToken cancellationToken)
    {
        var update = ReadCatalog().FirstOrDefault(u => u.Label == label)
            ?? throw new SoftwareUpdateException(SoftwareUpdateInstallOutcome.NothingToInstall,
                $"softwareupdate --install {label}: {SoftwareUpdateOutputClassifier.Describe(SoftwareUpdateInstallOutcome.NothingToInstall)}");
        if (_appleSilicon && (volumeOwner is null || _accounts?.AcceptsPassword(volumeOwner.User, volumeOwner.Password) == false))
        {
            // The real tool prompts for a password nobody types, or says "Failed to authenticate" (fixtures).
            var outcome = volumeOwner is null ? SoftwareUpdateInstallOutcome.PasswordPrompt : SoftwareUpdateInstallOutcome.AuthenticationFailed;
            throw new SoftwareUpdateException(outcome, $"softwareupdate --install {label}: {SoftwareUpdateOutputClassifier.Describe(outcome)}");
        }

        if (!restart)
        {
            throw new SoftwareUpdateException(SoftwareUpdateInstallOutcome.DownloadedOnly,
                $"softwareupdate --install {label}: {SoftwareUpdateOutputClassifier.Describe(SoftwareUpdateInstallOutcome.DownloadedOnly)}");
        }

        File.WriteAllText(PendingPath, update.Version + "\n");
        // The real tool restarts the host itself: ask the simulated power the way SimulatedPower does.
        File.WriteAllText(_mac.RebootRequestPath, $"softwareupdate --install {label} --restart\n");
        return Task.CompletedTask;
    }

    /// <summary>What the boot does with a staged update: it becomes the running version. The power cycle calls this.</summary>
    public void ApplyPendingAtBoot()
    {
        if (!File.Exists(PendingPath))
        {
            return;
        }

        EnsureSeeded();
        File.WriteAllText(ProductVersionPath, File.ReadAllText(PendingPath).Trim() + "\n");
        File.Delete(PendingPath);
    }

    private MacOsVersion ReadProductVersion()
    {
        EnsureSeeded();
        return MacOsVersion.Parse(File.ReadAllText(ProductVersionPath).Trim());
    }

    private IEnumerable<SoftwareUpdate> ReadCatalog()
    {
        EnsureSeeded();
        foreach (var line in File.ReadAllLines(CatalogPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var version = MacOsVersion.Parse(words[0]);
            yield return new SoftwareUpdate
            {
                Label = $"macOS {version}-SIM{version.Major}",
                Title = $"macOS {version}",
                Version = version.ToString(),
                Recommended = true,
                Action = SoftwareUpdateAction.Restart,
                Deferred = words.Skip(1).Contains(DeferredMark, StringComparer.OrdinalIgnoreCase),
            };
        }
    }

    private void EnsureSeeded()
    {
        Directory.CreateDirectory(DirPath);
        if (!File.Exists(ProductVersionPath))
        {
            File.WriteAllText(ProductVersionPath, _startVersion + "\n");
        }

        if (!File.Exists(CatalogPath))
        {
            File.WriteAllLines(CatalogPath, _offered.Select(v => v.ToString()));
        }
    }
}
