using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>
/// Records every CommandSpec it is asked to run and answers from a script instead of starting a process: the
/// queued results first, then the responder (exit 0 with no output by default).
/// </summary>
public sealed class FakeProcessRunner : IProcessRunner
{
    private readonly Queue<ProcessResult> _queued = new();

    public List<CommandSpec> Specs { get; } = [];

    public Func<CommandSpec, ProcessResult> Responder { get; set; } = _ => Result(0);

    /// <summary>The next call answers with this result; queued results are used in order.</summary>
    public FakeProcessRunner Then(int exitCode, string stdout = "", string stderr = "")
    {
        _queued.Enqueue(Result(exitCode, stdout, stderr));
        return this;
    }

    public Task<ProcessResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        Specs.Add(spec);
        return Task.FromResult(_queued.Count > 0 ? _queued.Dequeue() : Responder(spec));
    }

    public static ProcessResult Result(int exitCode, string stdout = "", string stderr = "") => new()
    {
        ExitCode = exitCode,
        Pid = 4242,
        StartTime = DateTimeOffset.UnixEpoch,
        ExitTime = DateTimeOffset.UnixEpoch,
        Duration = TimeSpan.Zero,
        StdoutTail = stdout,
        StderrTail = stderr,
    };
}
