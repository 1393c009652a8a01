namespace RigBootstrap.Processes.Tests.TestKit;

/// <summary>Records every line it receives and can react to one (to cancel once a child is ready).</summary>
public sealed class RecordingSink : IProcessOutputSink
{
    private readonly Lock _gate = new();
    private readonly List<(OutputStreamKind Stream, string Line)> _lines = [];
    private readonly Action<string>? _onStdoutLine;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RecordingSink(Action<string>? onStdoutLine = null)
    {
        _onStdoutLine = onStdoutLine;
    }

    /// <summary>Completes when stdout says <c>ready</c>: the scripts print it once set up.</summary>
    public Task ReadySeen => _ready.Task;

    public IReadOnlyList<(OutputStreamKind Stream, string Line)> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public IReadOnlyList<string> LinesOf(OutputStreamKind stream) =>
        [.. Lines.Where(entry => entry.Stream == stream).Select(entry => entry.Line)];

    public void OnLine(OutputStreamKind stream, string line)
    {
        lock (_gate)
        {
            _lines.Add((stream, line));
        }

        if (stream == OutputStreamKind.Stdout)
        {
            _onStdoutLine?.Invoke(line);
            if (line == "ready")
            {
                _ready.TrySetResult();
            }
        }
    }

    /// <summary>A sink that cancels the source as soon as stdout says <c>ready</c>.</summary>
    public static RecordingSink CancelingOnReady(CancellationTokenSource source) =>
        new(line =>
        {
            if (line == "ready")
            {
                source.Cancel();
            }
        });

    /// <summary>Stdout so far, one line per line, for parsing PIDs the scripts print.</summary>
    public string StdoutText => string.Join('\n', LinesOf(OutputStreamKind.Stdout));
}
