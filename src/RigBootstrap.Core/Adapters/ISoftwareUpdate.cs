using System.Collections.Immutable;

namespace RigBootstrap.Core.Adapters;

/// <summary>The macOS version and Apple's software updates: `sw_vers` and `softwareupdate` (docs/design.md §4, os-upgrade).</summary>
/// <remarks>Failures an operator can act on throw <see cref="SoftwareUpdateException"/>.</remarks>
public interface ISoftwareUpdate
{
    /// <summary>The running macOS version (`sw_vers -productVersion`).</summary>
    Task<MacOsVersion> GetProductVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True on Apple Silicon: `sysctl -n hw.optional.arm64` prints 1 (even under Rosetta, where `uname -m` says
    /// x86_64); Intel Macs print 0, and older Intel releases do not know the key at all.
    /// </summary>
    Task<bool> IsAppleSiliconAsync(CancellationToken cancellationToken);

    /// <summary>The updates Apple offers this host now (`softwareupdate --list`); empty when there are none.</summary>
    Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Installs one update by its label. With <paramref name="restart"/> the host restarts by itself once the update
    /// is staged: this call returns once the restart is under way, or throws when the tool stopped short of one (it
    /// asked for a password, printed nothing for too long, or did not restart the host in time after the download).
    /// The volume owner's <paramref name="volumeOwner"/> credentials go with `--user` and `--stdinpass` (the
    /// password on stdin only), which Apple Silicon requires.
    /// </summary>
    Task InstallAsync(string label, bool restart, AccountCredentials? volumeOwner, CancellationToken cancellationToken);
}
