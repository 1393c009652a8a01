using RigBootstrap.Core.Status;

namespace RigBootstrap.Core.Tests.Status;

public sealed class HistoryRendererTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly JournalAnalysis Analysis = new()
    {
        Entries = 19,
        Boots =
        [
            new BootHistory { Number = 1, BootId = "boot-a", FirstAt = Noon, LastAt = Noon.AddSeconds(17), Runs = 1, RebootsRequested = 1 },
            new BootHistory { Number = 2, BootId = "boot-b", FirstAt = Noon.AddMinutes(3), LastAt = Noon.AddMinutes(25), Runs = 2, Halts = 1 },
        ],
        Steps =
        [
            new StepTiming { StepId = "profile", Running = TimeSpan.FromMilliseconds(85), Runs = 2, Boots = [1, 2], Elapsed = new TimeSpan(0, 2, 50), LastState = "Succeeded" },
            new StepTiming { StepId = "xcode", Running = TimeSpan.FromMinutes(20), Runs = 2, Interrupted = 1, Boots = [2], Elapsed = new TimeSpan(0, 21, 57), LastState = "Failed" },
        ],
        Halts = [new HaltRecord(Noon.AddMinutes(25), 2, "step xcode failed 2 times")],
    };

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void The_history_shows_a_row_per_boot_a_row_per_step_and_each_halt()
    {
        var lines = Lines(HistoryRenderer.Render(Analysis, "com.rig.bootstrap"));

        lines.Should().ContainInOrder(
            "com.rig.bootstrap: history of 19 journal entries over 2 boot(s)",
            "  BOOT  BOOT ID  FIRST                 LAST                  RUNS  REBOOTS  HALTS",
            "  1     boot-a   2026-11-25 12:00:00Z  2026-11-25 12:00:17Z  1     1        0",
            "  2     boot-b   2026-11-25 12:03:00Z  2026-11-25 12:25:00Z  2     0        1",
            "  STEP     RUNNING  RUNS        BOOTS  ELAPSED  LAST",
            "  profile  85ms     2           1,2    2m 50s   Succeeded",
            "  xcode    20m 0s   2 (1 died)  2      21m 57s  Failed",
            "  halted in boot 2 at 2026-11-25 12:25:00Z: step xcode failed 2 times");
    }

    [Fact]
    public void An_empty_journal_says_so_in_one_line()
    {
        var text = HistoryRenderer.Render(new JournalAnalysis { Entries = 0, Boots = [], Steps = [], Halts = [] }, "com.rig.bootstrap");

        text.Should().Be("com.rig.bootstrap: history of 0 journal entries over 0 boot(s)\n");
    }
}
