using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerParallelismTests
{
    [Fact]
    public async Task Twenty_concurrent_runs_finish_with_their_own_unmixed_output()
    {
        // Arrange: one runner shared by all, as the engine does.
        var runner = new ProcessRunner(TimeProvider.System);
        const string script = "i=0; while [ $i -lt 200 ]; do echo \"$1 out $i\"; echo \"$1 err $i\" >&2; i=$((i+1)); done";
        var sinks = Enumerable.Range(0, 20).Select(_ => new RecordingSink()).ToArray();

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(index =>
            runner.RunAsync(Shell.Script(script, $"run{index}") with { OutputSink = sinks[index] }, CancellationToken.None)));

        // Assert
        for (var index = 0; index < 20; index++)
        {
            var expectedOut = string.Concat(Enumerable.Range(0, 200).Select(i => $"run{index} out {i}\n"));
            var expectedErr = string.Concat(Enumerable.Range(0, 200).Select(i => $"run{index} err {i}\n"));
            results[index].StdoutTail.Should().Be(expectedOut);
            results[index].StderrTail.Should().Be(expectedErr);
            sinks[index].Lines.Should().HaveCount(400).And.OnlyContain(entry => entry.Line.StartsWith($"run{index} ", StringComparison.Ordinal));
        }
    }
}
