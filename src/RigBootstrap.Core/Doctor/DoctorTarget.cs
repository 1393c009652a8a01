using System.Collections.Immutable;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Doctor;

/// <summary>The launchd labels `doctor` looks after: ours, and the fleet agent's when a config or the state names it.</summary>
public sealed record DoctorTarget(string Label, string? AgentLabel)
{
    /// <summary>The label a config gets when it names none (BootstrapConfig.Label's default).</summary>
    public const string DefaultLabel = "com.rig.bootstrap";

    public ImmutableArray<string> Labels => AgentLabel is null ? [Label] : [Label, AgentLabel];

    /// <summary>Before install the config says; after install the installed config or the state file does.</summary>
    public static DoctorTarget From(BootstrapConfig? config, StateFile? state) => new(
        config?.Label ?? state?.Label ?? DefaultLabel,
        config?.Steps.Handoff?.AgentLabel ?? config?.Steps.FirstDeploy?.AgentLabel ?? state?.Handoff?.AgentLabel);
}
