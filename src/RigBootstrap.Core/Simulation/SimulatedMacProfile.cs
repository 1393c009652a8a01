using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Simulation;

/// <summary>What the simulated Mac starts as: its macOS version and the updates Apple offers it.</summary>
public sealed record SimulatedMacProfile
{
    public MacOsVersion StartVersion { get; init; } = new(14, 6);

    public ImmutableArray<MacOsVersion> OfferedUpdates { get; init; } = [new(15, 7, 1)];

    /// <summary>Apple Silicon, as a Mac mini build host is today: os-upgrade defaults to mdm mode there.</summary>
    public bool AppleSilicon { get; init; } = true;

    /// <summary>The first account made in Setup Assistant is a volume owner; the demo's agent user is that account.</summary>
    public ImmutableArray<string> VolumeOwners { get; init; } = ["rig"];

    /// <summary>A Mac that needs the config's upgrade: older than its minimum, with that version on offer.</summary>
    public static SimulatedMacProfile For(BootstrapConfig config) =>
        config.Steps.OsUpgrade is { } upgrade && MacOsVersion.TryParse(upgrade.MinimumVersion, out var minimum) && minimum is not null
            ? new SimulatedMacProfile { OfferedUpdates = [minimum] }
            : new SimulatedMacProfile();
}
