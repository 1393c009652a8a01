using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcfsProcessTableReaderTests
{
    [Fact]
    public void A_stat_line_with_spaces_and_parentheses_in_the_name_is_parsed()
    {
        const string stat = "4242 (we (ird) name) S 17 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10";

        var entry = ProcfsProcessTableReader.TryParseStat(4242, stat);

        entry.Should().Be(new ProcessEntry(4242, 17, "987654"));
    }

    [Fact]
    public void Zombies_and_garbage_are_left_out()
    {
        const string zombie = "7 (sleep) Z 1 7 7 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 55 0 0";

        ProcfsProcessTableReader.TryParseStat(7, zombie).Should().BeNull();
        ProcfsProcessTableReader.TryParseStat(8, "not a stat line").Should().BeNull();
    }

    [LinuxOnlyFact]
    public async Task The_snapshot_shows_a_real_child_and_its_grandchild()
    {
        // Arrange: a shell that started a sleep, said so, and waits to be canceled.
        using var stop = new CancellationTokenSource();
        var sink = new RecordingSink();
        var spec = Shell.Script("/bin/sleep 30 & echo \"grandchild $!\"; echo ready; wait") with
        {
            OutputSink = sink,
            GracePeriod = TimeSpan.FromMilliseconds(200),
        };
        var run = new ProcessRunner(TimeProvider.System).RunAsync(spec, stop.Token);
        await sink.ReadySeen.WaitAsync(TimeSpan.FromSeconds(20));
        var grandchildPid = Shell.ParsePids(sink.StdoutText, "grandchild").Single();

        // Act
        var table = await new ProcfsProcessTableReader().ReadAsync(CancellationToken.None);
        await stop.CancelAsync();
        var result = await run;

        // Assert
        table.Entries.Should().Contain(entry => entry.Pid == Environment.ProcessId);
        table.DescendantsOf(result.Pid).Select(entry => entry.Pid).Should().Contain(grandchildPid);
        (await ProcessProbe.AllGoneAsync([result.Pid, grandchildPid], TimeSpan.FromSeconds(5))).Should().BeTrue();
    }
}
