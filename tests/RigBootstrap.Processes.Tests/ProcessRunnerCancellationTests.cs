using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerCancellationTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task A_child_trapping_sigterm_cleans_up_and_the_result_says_it_went_gracefully()
    {
        // Arrange
        using var temp = new TempDir();
        var markerPath = temp.PathOf("marker");
        using var stop = new CancellationTokenSource();
        var sink = RecordingSink.CancelingOnReady(stop);
        const string script = "trap 'echo bye > \"$1\"; exit 0' TERM; /bin/sleep 60 & echo \"grandchild $!\"; echo ready; wait";
        var spec = Shell.Script(script, markerPath) with { OutputSink = sink };

        // Act
        var result = await _runner.RunAsync(spec, stop.Token);

        // Assert
        result.Canceled.Should().BeTrue();
        result.TimedOut.Should().BeFalse();
        result.TerminatedGracefully.Should().BeTrue();
        result.ExitCode.Should().Be(0);
        File.ReadAllText(markerPath).Should().Be("bye\n");
        var grandchild = Shell.ParsePids(sink.StdoutText, "grandchild").Single();
        (await ProcessProbe.AllGoneAsync([result.Pid, grandchild], TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact]
    public async Task Canceling_kills_the_whole_tree_down_to_the_great_grandchild()
    {
        // Arrange: sh -> sh -> sleep; the inner shell reports both of its generations.
        using var stop = new CancellationTokenSource();
        var sink = RecordingSink.CancelingOnReady(stop);
        var spec = Shell.Script(
            "/bin/sh -c '/bin/sleep 60 & echo \"great-grandchild $!\"; echo \"grandchild $$\"; echo ready; wait' & wait") with
        {
            OutputSink = sink,
        };

        // Act
        var result = await _runner.RunAsync(spec, stop.Token);

        // Assert
        result.Canceled.Should().BeTrue();
        var pids = new[]
        {
            result.Pid,
            Shell.ParsePids(sink.StdoutText, "grandchild").Single(),
            Shell.ParsePids(sink.StdoutText, "great-grandchild").Single(),
        };
        (await ProcessProbe.AllGoneAsync(pids, TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact]
    public void A_token_canceled_before_the_start_starts_nothing()
    {
        Action run = () => _runner.RunAsync(Shell.Script("exit 0"), new CancellationToken(canceled: true));

        run.Should().Throw<OperationCanceledException>();
    }
}
