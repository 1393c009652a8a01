namespace RigBootstrap.Core.Workflow;

/// <summary>The limits and identity the engine runs with, taken from the config.</summary>
public sealed record EngineOptions
{
    public required string Label { get; init; }

    public required string Version { get; init; }

    public bool ManualReboot { get; init; }

    /// <summary>The fleet agent the handoff step checks; null when the config has no handoff.</summary>
    public string? AgentLabel { get; init; }

    public int MaxBootsWithoutProgress { get; init; } = 3;

    public int MaxRebootsPerStep { get; init; } = 2;

    public int MaxReboots { get; init; } = 6;

    public int MaxCrashesPerBoot { get; init; } = 3;

    /// <summary>How often a requested reboot may fail to happen in one boot before the run halts.</summary>
    public int MaxRebootRequestsPerBoot { get; init; } = 3;
}
