using System.Collections.Immutable;

namespace RigBootstrap.Core.Config;

/// <summary>A generic step from <c>commands</c>: a program to run, with an optional check for idempotency.</summary>
public sealed record CommandStepConfig
{
    public required string Id { get; init; }

    /// <summary>The program (absolute path) and its arguments, never joined into one string.</summary>
    public required ImmutableArray<string> Run { get; init; }

    /// <summary>A program whose exit code 0 means "already done"; empty means there is no check.</summary>
    public ImmutableArray<string> Check { get; init; } = [];

    /// <summary>Run as the agent user instead of root.</summary>
    public bool AsUser { get; init; }

    public bool RequiresReboot { get; init; }

    public ImmutableArray<string> DependsOn { get; init; } = [];

    public RetryConfig Retry { get; init; } = new();

    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(1);
}
