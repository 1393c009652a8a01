namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>A job loaded in the simulated launchd, kept as a file under the host root.</summary>
public sealed record SimulatedJob
{
    public required string Label { get; init; }

    public required string PlistPath { get; init; }

    public required string State { get; init; }

    public int? Pid { get; init; }

    public int? LastExitCode { get; init; }

    public int Runs { get; init; }
}
