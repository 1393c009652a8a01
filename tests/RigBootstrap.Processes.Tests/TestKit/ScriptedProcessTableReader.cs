namespace RigBootstrap.Processes.Tests.TestKit;

/// <summary>A process table reader that answers the first snapshot and every later one as scripted.</summary>
internal sealed class ScriptedProcessTableReader : IProcessTableReader
{
    private readonly Func<ProcessTable> _first;
    private readonly Func<ProcessTable> _later;
    private int _reads;

    public ScriptedProcessTableReader(Func<ProcessTable> first, Func<ProcessTable> later)
    {
        _first = first;
        _later = later;
    }

    public int Reads => Volatile.Read(ref _reads);

    public Task<ProcessTable> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Increment(ref _reads) == 1 ? _first() : _later());
}
