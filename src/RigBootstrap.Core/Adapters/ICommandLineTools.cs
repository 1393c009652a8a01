using System.Collections.Immutable;

namespace RigBootstrap.Core.Adapters;

/// <summary>
/// The developer directory `xcode-select -p` names, its git, and the headless install of the Command Line Tools with
/// `softwareupdate` (docs/command-line-tools.md). Failures an operator can act on throw <see cref="CommandLineToolsException"/>.
/// </summary>
public interface ICommandLineTools
{
    /// <summary>What `xcode-select -p` names and whether `&lt;dir&gt;/usr/bin/git --version` runs there; never the `/usr/bin` shims.</summary>
    Task<DeveloperTools> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>`softwareupdate --list`: what Apple offers this host now (the tools only while the on-demand marker exists).</summary>
    Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken);

    /// <summary>`softwareupdate --install &lt;label&gt;`, the label as one argument.</summary>
    Task InstallAsync(string label, CancellationToken cancellationToken);
}
