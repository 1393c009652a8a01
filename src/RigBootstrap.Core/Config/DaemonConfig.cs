namespace RigBootstrap.Core.Config;

/// <summary>Settings of our own daemon's service definition and crash guard.</summary>
public sealed record DaemonConfig
{
    /// <summary>launchd <c>ThrottleInterval</c> (1..3600).</summary>
    public int ThrottleIntervalSeconds { get; init; } = 10;

    /// <summary>Crashes of <c>run</c> in one boot before it reports <c>Halted</c> (1..100).</summary>
    public int MaxCrashesPerBoot { get; init; } = 3;
}
