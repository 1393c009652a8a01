namespace RigBootstrap.Core.Config;

/// <summary>How and how often the engine may reboot the host.</summary>
public sealed record RebootConfig
{
    public RebootMode Mode { get; init; } = RebootMode.Auto;

    /// <summary>Boots in a row without any step progressing before the workflow halts (1..20).</summary>
    public int MaxBootsWithoutProgress { get; init; } = 3;

    /// <summary>Reboots one step may ask for (1..10).</summary>
    public int MaxRebootsPerStep { get; init; } = 2;

    /// <summary>Reboots over the whole workflow (1..50).</summary>
    public int MaxReboots { get; init; } = 6;

    /// <summary>How long <c>run</c> waits for a requested reboot to take the host down.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromMinutes(5);
}
