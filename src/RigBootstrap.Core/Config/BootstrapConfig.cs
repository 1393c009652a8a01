using System.Collections.Immutable;

namespace RigBootstrap.Core.Config;

/// <summary>The whole, validated content of the config file (docs/design.md §8).</summary>
public sealed record BootstrapConfig
{
    /// <summary>The launchd label of our own daemon: reverse-DNS, at least one dot.</summary>
    public string Label { get; init; } = "com.rig.bootstrap";

    /// <summary>macos (launchd, the default) or linux (systemd).</summary>
    public HostPlatform Platform { get; init; } = HostPlatform.MacOs;

    public required AgentConfig Agent { get; init; }

    public RebootConfig Reboot { get; init; } = new();

    public DaemonConfig Daemon { get; init; } = new();

    /// <summary>Built-in steps; a step runs when its section is present.</summary>
    public StepsConfig Steps { get; init; } = new();

    public ImmutableArray<CommandStepConfig> Commands { get; init; } = [];

    public EventsConfig? Events { get; init; }

    /// <summary>Tool name (see <c>ToolNames</c>) to the absolute path that overrides its default.</summary>
    public ImmutableDictionary<string, string> Tools { get; init; } = ImmutableDictionary<string, string>.Empty;
}
