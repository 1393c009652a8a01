using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>
/// Passes calls to a real <see cref="ICommandLineTools"/>, counting installs and noting whether the on-demand marker
/// was in place at each list and install; a test may replace the list or make the install throw.
/// </summary>
public sealed class CountingCommandLineTools(ICommandLineTools inner, HostPaths paths) : ICommandLineTools
{
    public int Installs { get; private set; }

    public List<bool> MarkerAtList { get; } = [];

    public List<bool> MarkerAtInstall { get; } = [];

    public ImmutableArray<SoftwareUpdate>? ListOverride { get; set; }

    public Exception? InstallFailure { get; set; }

    public Task<DeveloperTools> ProbeAsync(CancellationToken cancellationToken) => inner.ProbeAsync(cancellationToken);

    public async Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken)
    {
        MarkerAtList.Add(File.Exists(paths.CommandLineToolsOnDemandMarkerPath));
        return ListOverride ?? await inner.ListAsync(cancellationToken);
    }

    public async Task InstallAsync(string label, CancellationToken cancellationToken)
    {
        MarkerAtInstall.Add(File.Exists(paths.CommandLineToolsOnDemandMarkerPath));
        if (InstallFailure is not null)
        {
            throw InstallFailure;
        }

        Installs++;
        await inner.InstallAsync(label, cancellationToken);
    }
}
