using System.Diagnostics;
using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessTreeTerminatorTests
{
    private const string Script = "echo \"child $$\"; echo ready; exec /bin/sleep 60";

    [Fact]
    public async Task A_descendant_from_the_snapshot_is_killed_even_once_it_is_no_longer_a_child()
    {
        // Arrange: a stray sleep that the snapshot claims the child started.
        using var stray = Process.Start("/bin/sleep", ["60"]);
        var childPid = 0;
        ProcessTable Table(string marker) => new([new ProcessEntry(stray.Id, childPid, marker)]);
        var reader = new ScriptedProcessTableReader(() => Table("started-once"), () => Table("started-once"));

        try
        {
            // Act
            var result = await RunAndCancelAsync(reader, pid => childPid = pid);

            // Assert
            result.Canceled.Should().BeTrue();
            reader.Reads.Should().Be(2);
            (await ProcessProbe.AllGoneAsync([result.Pid, stray.Id], TimeSpan.FromSeconds(5))).Should().BeTrue();
        }
        finally
        {
            stray.Kill();
        }
    }

    [Fact]
    public async Task A_pid_reused_since_the_snapshot_is_left_alone()
    {
        // Arrange: the second snapshot shows the same PID with another start time.
        using var stray = Process.Start("/bin/sleep", ["60"]);
        var childPid = 0;
        var reader = new ScriptedProcessTableReader(
            () => new ProcessTable([new ProcessEntry(stray.Id, childPid, "first-life")]),
            () => new ProcessTable([new ProcessEntry(stray.Id, 1, "second-life")]));
        try
        {
            // Act
            var result = await RunAndCancelAsync(reader, pid => childPid = pid);

            // Assert
            (await ProcessProbe.AllGoneAsync([result.Pid], TimeSpan.FromSeconds(5))).Should().BeTrue();
            ProcessProbe.IsAlive(stray.Id).Should().BeTrue();
        }
        finally
        {
            stray.Kill();
        }
    }

    private static async Task<ProcessResult> RunAndCancelAsync(IProcessTableReader reader, Action<int> onChildPid)
    {
        using var stop = new CancellationTokenSource();
        var sink = new RecordingSink(line =>
        {
            if (line.StartsWith("child ", StringComparison.Ordinal))
            {
                onChildPid(int.Parse(line["child ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (line == "ready")
            {
                stop.Cancel();
            }
        });
        var runner = new ProcessRunner(TimeProvider.System, reader);
        return await runner.RunAsync(Shell.Script(Script) with { OutputSink = sink }, stop.Token);
    }
}
