using System.Collections.Immutable;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>The launchd keys of one LaunchDaemon or LaunchAgent plist that the boot harness honours, as plistutil read them.</summary>
public sealed record LaunchdJob
{
    public required string Label { get; init; }

    public required ImmutableArray<string> ProgramArguments { get; init; }

    public required ImmutableDictionary<string, string> EnvironmentVariables { get; init; }

    /// <summary>launchd chdirs there before exec, and the spawn fails when it is missing.</summary>
    public string? WorkingDirectory { get; init; }

    public string? StandardOutPath { get; init; }

    public string? StandardErrorPath { get; init; }

    public bool RunAtLoad { get; init; }

    /// <summary>KeepAlive { SuccessfulExit = false }: launchd starts the job again whenever it exits non-zero.</summary>
    public bool RestartOnFailure { get; init; }

    /// <summary>StartInterval: launchd starts the job again this long after it was last started (a periodic job).</summary>
    public TimeSpan? StartInterval { get; init; }

    /// <summary>launchd's default is 10 s when the plist names none.</summary>
    public TimeSpan ThrottleInterval { get; init; } = TimeSpan.FromSeconds(10);
}
