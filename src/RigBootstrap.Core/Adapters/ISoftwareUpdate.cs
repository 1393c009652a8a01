using System.Collections.Immutable;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Adapters;

/// <summary>The macOS version and Apple's software updates: `sw_vers` and `softwareupdate` (DESIGN §4, os-upgrade).</summary>
/// <remarks>Failures an operator can act on throw <see cref="SoftwareUpdateException"/>.</remarks>
public interface ISoftwareUpdate
{
    /// <summary>The running macOS version (`sw_vers -productVersion`).</summary>
    Task<MacOsVersion> GetProductVersionAsync(CancellationToken cancellationToken);

    /// <summary>The updates Apple offers this host now (`softwareupdate --list`); empty when there are none.</summary>
    Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Installs one update by its label. With <paramref name="restart"/> the host restarts by itself once the update
    /// is staged, so this call may never return; when it does, the restart is under way. On Apple Silicon the
    /// volume owner's <paramref name="volumeOwner"/> credentials are passed with `--user` and `--stdinpass`.
    /// </summary>
    Task InstallAsync(string label, bool restart, AccountCredentials? volumeOwner, CancellationToken cancellationToken);
}
