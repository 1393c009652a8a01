using System.Diagnostics;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using CliWrap.Exceptions;
using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

/// <summary>
/// What plain CliWrap 3.10.5 does where the runner promises more: each test pins one CliWrap behaviour
/// that the layer in this project exists to change (docs/adr/0005-cliwrap.md names the acceptance test
/// that holds the runner's promise). A test here that starts failing after an upgrade means CliWrap
/// closed that gap, and the in-house piece may go.
/// </summary>
public sealed class CliWrapGapTests
{
    private const string Secret = "AGE-SECRET-KEY-1QQQ9SECRET";

    [Fact]
    public async Task Plain_cliwrap_returns_only_once_a_background_grandchild_releases_the_pipes()
    {
        // Arrange: the shell exits at once; its background subshell holds stdout, then leaves a marker.
        using var temp = new TempDir();
        var cliWrapMarker = temp.PathOf("cliwrap");
        var runnerMarker = temp.PathOf("runner");
        const string script = "(/bin/sleep 2; echo gone > \"$1\") & echo done";

        // Act
        var cliWrapOutput = new StringBuilder();
        await Cli.Wrap(Shell.ShFilePath).WithArguments(["-c", script, "sh", cliWrapMarker])
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(cliWrapOutput))
            .ExecuteAsync();
        var cliWrapMarkerAtReturn = File.Exists(cliWrapMarker);
        var runnerResult = await new ProcessRunner(TimeProvider.System).RunAsync(
            Shell.Script(script, runnerMarker) with { OutputDrainTimeout = TimeSpan.FromMilliseconds(200) },
            CancellationToken.None);
        var runnerMarkerAtReturn = File.Exists(runnerMarker);

        // Assert: CliWrap waited for the grandchild's end of file; the runner's bounded drain did not.
        cliWrapOutput.ToString().Should().Be("done\n");
        cliWrapMarkerAtReturn.Should().BeTrue();
        runnerResult.StdoutTail.Should().Be("done\n");
        runnerResult.OutputIncomplete.Should().BeTrue();
        runnerMarkerAtReturn.Should().BeFalse();
    }

    [Fact]
    public async Task Graceful_cancellation_sends_sigint_not_sigterm_and_throws_instead_of_returning_a_result()
    {
        var run = await RunUntilReadyThenCancelAsync(graceful: true);

        run.Failure.Should().BeOfType<OperationCanceledException>();
        run.Lines.Should().Contain("got INT").And.NotContain("got TERM");
        ProcessProbe.Kill(run.Grandchild);
    }

    [Fact]
    public async Task Graceful_cancellation_leaves_the_descendants_of_the_child_running()
    {
        var run = await RunUntilReadyThenCancelAsync(graceful: true);

        try
        {
            run.Lines.Should().Contain("got INT");
            ProcessProbe.IsAlive(run.Grandchild).Should().BeTrue();
        }
        finally
        {
            ProcessProbe.Kill(run.Grandchild);
        }
    }

    [Fact]
    public async Task Forceful_cancellation_kills_the_tree_but_throws_so_the_exit_code_is_lost()
    {
        var run = await RunUntilReadyThenCancelAsync(graceful: false);

        run.Failure.Should().BeOfType<OperationCanceledException>();
        (await ProcessProbe.AllGoneAsync([run.Grandchild], TimeSpan.FromSeconds(5))).Should().BeTrue();
    }

    [Fact]
    public async Task Its_exit_code_validation_prints_a_secret_in_argv_unmasked()
    {
        var execute = async () => await Cli.Wrap(Shell.ShFilePath).WithArguments(["-c", "exit 3", "sh", "--token=" + Secret]).ExecuteAsync();

        var failure = (await execute.Should().ThrowAsync<CommandExecutionException>()).Which;

        failure.ExitCode.Should().Be(3);
        failure.Message.Should().Contain(Secret);
    }

    [Fact]
    public async Task Buffered_execution_keeps_all_of_the_output()
    {
        const int OneMegabyte = 1024 * 1024;

        var result = await Cli.Wrap(Shell.ShFilePath).WithArguments(["-c", $"/usr/bin/head -c {OneMegabyte} /dev/zero | /usr/bin/tr '\\0' x"])
            .ExecuteBufferedAsync();

        result.StandardOutput.Length.Should().Be(OneMegabyte);
    }

    [Fact]
    public async Task Start_and_exit_times_come_from_the_system_clock()
    {
        // CliWrap takes no TimeProvider: a shifted clock could not reach these, as it reaches the runner's.
        var before = DateTimeOffset.Now;

        var result = await Cli.Wrap(Shell.ShFilePath).WithArguments(["-c", "exit 0"]).ExecuteAsync();

        result.StartTime.Should().BeOnOrAfter(before).And.BeCloseTo(DateTimeOffset.Now, TimeSpan.FromMinutes(1));
        result.ExitTime.Should().BeOnOrAfter(result.StartTime);
    }

    // The child traps INT and TERM, names the signal it got and exits 0; its background sleep is the
    // grandchild, with its output sent elsewhere so that it cannot hold CliWrap's pipes (see above).
    private static async Task<CanceledRun> RunUntilReadyThenCancelAsync(bool graceful)
    {
        const string script = "trap 'echo got INT; exit 0' INT; trap 'echo got TERM; exit 0' TERM; "
            + "/bin/sleep 60 >/dev/null 2>&1 & echo \"grandchild $!\"; echo ready; wait";
        using var cancel = new CancellationTokenSource();
        var lines = new List<string>();
        // perl (Debian's essential perl-base) puts SIGINT back to its default before it execs sh: a runner started as a
        // background job inherits SIGINT ignored, which sh could not trap, and the test would measure that instead.
        File.Exists(PerlFilePath).Should().BeTrue($"{PerlFilePath} resets SIGINT for the child; install perl-base");
        var command = Cli.Wrap(PerlFilePath).WithArguments(["-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die", Shell.ShFilePath, "-c", script])
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                if (line == "ready")
                {
                    cancel.Cancel();
                }
            }));
        var clock = Stopwatch.StartNew();
        Exception? failure = null;
        try
        {
            await (graceful ? command.ExecuteAsync(CancellationToken.None, cancel.Token) : command.ExecuteAsync(cancel.Token));
        }
        catch (OperationCanceledException ex)
        {
            failure = ex;
        }

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the child was stopped, not left to its 60 s sleep");
        lock (lines)
        {
            return new CanceledRun([.. lines], Shell.ParsePids(string.Join('\n', lines), "grandchild").Single(), failure);
        }
    }

    private const string PerlFilePath = "/usr/bin/perl";

    private sealed record CanceledRun(IReadOnlyList<string> Lines, int Grandchild, Exception? Failure);
}
