namespace RigBootstrap.Processes;

/// <summary>Receives every output line of a run, already masked, tagged with its stream.</summary>
/// <remarks>
/// Calls for one run are serialized, so an implementation needs no locking of its own. A line is
/// passed without its trailing newline (and without a trailing carriage return). If the sink
/// throws, it is not called again for that run, the output is still drained, and the exception is
/// rethrown once the process has exited.
/// </remarks>
public interface IProcessOutputSink
{
    void OnLine(OutputStreamKind stream, string line);
}
