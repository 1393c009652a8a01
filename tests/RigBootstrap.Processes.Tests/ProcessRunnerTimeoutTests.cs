using System.Diagnostics;
using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerTimeoutTests
{
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task A_timeout_returns_a_timed_out_result_within_its_bound_and_the_process_is_gone()
    {
        // Arrange
        var spec = new CommandSpec { FileName = "/bin/sleep", Arguments = ["60"], Timeout = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();

        // Act
        var result = await _runner.RunAsync(spec, CancellationToken.None);

        // Assert: timeout + grace + 3 s is the documented bound; sleep dies on SIGTERM (143).
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1 + 2 + 3));
        result.TimedOut.Should().BeTrue();
        result.Canceled.Should().BeFalse();
        result.TerminatedGracefully.Should().BeTrue();
        result.ExitCode.Should().Be(143);
        ProcessProbe.IsAlive(result.Pid).Should().BeFalse();
    }

    [Fact]
    public async Task A_child_ignoring_sigterm_is_killed_with_its_tree_after_the_grace_period()
    {
        // Arrange: TERM is ignored by the shell and, inherited, by its sleep.
        using var stop = new CancellationTokenSource();
        var sink = RecordingSink.CancelingOnReady(stop);
        var grace = TimeSpan.FromMilliseconds(500);
        var spec = Shell.Script("trap '' TERM; /bin/sleep 60 & echo \"grandchild $!\"; echo ready; wait") with
        {
            OutputSink = sink,
            GracePeriod = grace,
        };
        var clock = Stopwatch.StartNew();

        // Act
        var result = await _runner.RunAsync(spec, stop.Token);

        // Assert: the kill (137) came only after the grace period.
        result.Canceled.Should().BeTrue();
        result.TerminatedGracefully.Should().BeFalse();
        result.ExitCode.Should().Be(137);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(grace);
        var grandchild = Shell.ParsePids(sink.StdoutText, "grandchild").Single();
        (await ProcessProbe.AllGoneAsync([result.Pid, grandchild], TimeSpan.FromSeconds(5))).Should().BeTrue();
    }
}
