using System.Runtime.ExceptionServices;

namespace RigBootstrap.Processes;

/// <summary>Serializes one run's sink calls and holds back a sink's exception until the run ends.</summary>
internal sealed class LineDispatcher
{
    private readonly IProcessOutputSink? _sink;
    private readonly Lock _gate = new();
    private ExceptionDispatchInfo? _fault;

    public LineDispatcher(IProcessOutputSink? sink)
    {
        _sink = sink;
    }

    public void Dispatch(OutputStreamKind stream, string line)
    {
        if (_sink is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_fault is not null)
            {
                return;
            }

            try
            {
                _sink.OnLine(stream, line);
            }
            catch (Exception ex)
            {
                // Any sink failure is caught on purpose: letting it end the read loop would leave the
                // pipe full and block the child forever. It is rethrown once the process has exited.
                _fault = ExceptionDispatchInfo.Capture(ex);
            }
        }
    }

    public void ThrowIfFaulted() => _fault?.Throw();
}
