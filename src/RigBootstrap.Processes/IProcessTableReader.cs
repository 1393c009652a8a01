namespace RigBootstrap.Processes;

/// <summary>Takes a snapshot of the host's processes; best effort, an empty table when it cannot.</summary>
internal interface IProcessTableReader
{
    Task<ProcessTable> ReadAsync(CancellationToken cancellationToken);
}
