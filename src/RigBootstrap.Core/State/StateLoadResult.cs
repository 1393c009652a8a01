namespace RigBootstrap.Core.State;

/// <summary>What loading the state file found: nothing yet, the file, or the previous copy after a torn write.</summary>
public sealed record StateLoadResult(StateFile? State, string? RecoveredBecause)
{
    public bool Exists => State is not null;

    public bool WasRecovered => RecoveredBecause is not null;
}
