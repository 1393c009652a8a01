using System.Collections.Immutable;
using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerStreamTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private readonly ProcessRunner _runner = new(TimeProvider.System);

    [Fact]
    public async Task Ten_megabytes_on_each_stream_at_once_do_not_deadlock_and_the_tails_are_right()
    {
        // Arrange: both streams written concurrently, each ending with a marker. Children of .NET
        // inherit SIGPIPE ignored (PowerShell #8421), so `yes` reports the broken pipe when head
        // stops: that complaint is silenced to keep stderr exact.
        var script = $"""
            (/usr/bin/yes 'out: the quick brown fox jumps over the lazy dog 0123456789' 2>/dev/null | /usr/bin/head -c {TenMegabytes}; echo END-OUT) &
            (/usr/bin/yes 'err: the quick brown fox jumps over the lazy dog 0123456789' 2>/dev/null | /usr/bin/head -c {TenMegabytes}; echo END-ERR) >&2
            wait
            """;
        var stdoutChars = 0L;
        var sink = new CountingSink(line => stdoutChars += line.Length + 1);
        var spec = Shell.Script(script) with { OutputSink = sink };

        // Act
        var result = await _runner.RunAsync(spec, CancellationToken.None);

        // Assert
        result.StdoutTail.Should().EndWith("END-OUT\n").And.NotContain("err:");
        result.StderrTail.Should().EndWith("END-ERR\n").And.NotContain("out:");
        result.StdoutTruncated.Should().BeTrue();
        result.StderrTruncated.Should().BeTrue();
        System.Text.Encoding.UTF8.GetByteCount(result.StdoutTail).Should().BeLessThanOrEqualTo(64 * 1024);
        stdoutChars.Should().Be(TenMegabytes + "END-OUT\n".Length);
        result.OutputIncomplete.Should().BeFalse();
    }

    [Fact]
    public async Task A_child_reading_stdin_without_input_gets_end_of_file()
    {
        var spec = new CommandSpec { FileName = "/bin/cat", Timeout = TimeSpan.FromSeconds(20) };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.TimedOut.Should().BeFalse();
        result.ExitCode.Should().Be(0);
        result.StdoutTail.Should().BeEmpty();
    }

    [Fact]
    public async Task Text_input_is_delivered_exactly_as_utf8()
    {
        const string input = "héllo\r\nwörld 😀\nno newline at the end";
        var spec = new CommandSpec { FileName = "/bin/cat", StandardInput = StandardInput.FromText(input), Timeout = TimeSpan.FromSeconds(20) };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.StdoutTail.Should().Be(input);
    }

    [Fact]
    public async Task Byte_input_is_delivered_exactly()
    {
        ImmutableArray<byte> input = [0x00, 0x01, 0x41, 0x0A, 0x42];
        var spec = Shell.Script("/usr/bin/od -An -tx1 | tr -s ' \\n' ' '") with { StandardInput = StandardInput.FromBytes(input) };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.StdoutTail.Trim().Should().Be("00 01 41 0a 42");
    }

    [Fact]
    public async Task A_child_that_stops_reading_after_one_byte_of_ten_megabytes_causes_no_exception()
    {
        var spec = Shell.Script("/usr/bin/head -c 1 >/dev/null; echo read-one") with
        {
            StandardInput = StandardInput.FromBytes(new byte[TenMegabytes]),
        };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.ExitCode.Should().Be(0);
        result.StdoutTail.Should().Be("read-one\n");
    }

    [Fact]
    public async Task The_sink_receives_every_line_of_both_streams_tagged_and_in_order()
    {
        var sink = new RecordingSink();
        var spec = Shell.Script("echo o1; echo e1 >&2; printf 'crlf\\r\\n'; echo e2 >&2; printf partial") with { OutputSink = sink };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        sink.LinesOf(OutputStreamKind.Stdout).Should().Equal("o1", "crlf", "partial");
        sink.LinesOf(OutputStreamKind.Stderr).Should().Equal("e1", "e2");
        result.StdoutTail.Should().Be("o1\ncrlf\r\npartial");
    }

    [Fact]
    public async Task The_tail_keeps_the_end_of_the_output_and_flags_the_cut()
    {
        var spec = Shell.Script("i=0; while [ $i -lt 5000 ]; do echo \"line-$i\"; i=$((i+1)); done") with { OutputTailBytes = 1024 };

        var result = await _runner.RunAsync(spec, CancellationToken.None);

        result.StdoutTail.Should().EndWith("line-4998\nline-4999\n");
        result.StdoutTail.Length.Should().BeLessThanOrEqualTo(1024);
        result.StdoutTruncated.Should().BeTrue();
        result.StderrTruncated.Should().BeFalse();
    }

    [Fact]
    public async Task Short_output_is_kept_whole_and_not_flagged()
    {
        var result = await _runner.RunAsync(Shell.Script("echo short"), CancellationToken.None);

        result.StdoutTail.Should().Be("short\n");
        result.StdoutTruncated.Should().BeFalse();
    }

    [Fact]
    public async Task A_throwing_sink_does_not_block_the_child_and_its_exception_surfaces_after_exit()
    {
        var spec = Shell.Script("/usr/bin/yes line 2>/dev/null | /usr/bin/head -n 100000") with { OutputSink = new CountingSink(_ => throw new FormatException("sink broke")) };

        var run = () => _runner.RunAsync(spec, CancellationToken.None);

        await run.Should().ThrowAsync<FormatException>().WithMessage("sink broke");
    }

    [Fact]
    public async Task A_grandchild_holding_the_pipes_does_not_hang_the_run()
    {
        // Arrange: the shell exits at once, but its background sleep keeps stdout and stderr open.
        var spec = Shell.Script("/bin/sleep 30 & echo \"grandchild $!\"; echo done");
        var started = DateTime.UtcNow;
        ProcessResult? result = null;
        try
        {
            // Act
            result = await _runner.RunAsync(spec, CancellationToken.None);

            // Assert: drain timeout (2 s) plus generous slack, and the output so far is there.
            (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(2 + 8));
            result.OutputIncomplete.Should().BeTrue();
            result.ExitCode.Should().Be(0);
            result.StdoutTail.Should().EndWith("done\n");
        }
        finally
        {
            foreach (var pid in Shell.ParsePids(result?.StdoutTail ?? "", "grandchild"))
            {
                ProcessProbe.Kill(pid);
            }
        }
    }

    private sealed class CountingSink(Action<string> onStdout) : IProcessOutputSink
    {
        public void OnLine(OutputStreamKind stream, string line)
        {
            if (stream == OutputStreamKind.Stdout)
            {
                onStdout(line);
            }
        }
    }
}
