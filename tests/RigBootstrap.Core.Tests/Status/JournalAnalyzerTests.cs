using RigBootstrap.Core.Journal;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Status;

public sealed class JournalAnalyzerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the journal text where the engine keeps it and reads it back the way `status --history` does.</summary>
    private static IReadOnlyList<JournalEntry> Read(string jsonl)
    {
        using var root = new TempHostRoot();
        Directory.CreateDirectory(root.Paths.StateDirPath);
        File.WriteAllText(root.Paths.JournalPath, jsonl + "\n");
        return new JournalReader(root.Paths).ReadAll();
    }

    [Fact]
    public void Per_step_running_time_is_summed_across_tries_and_two_boots()
    {
        // Act
        var analysis = JournalAnalyzer.Analyze(Read(TwoBootJournal.Text));

        // Assert
        analysis.Steps.Should().BeEquivalentTo(
            new[]
            {
                new StepTiming { StepId = "brew", Running = TimeSpan.FromSeconds(10), Runs = 1, Boots = [1], Elapsed = TimeSpan.FromSeconds(10), LastState = "Succeeded" },
                new StepTiming { StepId = "profile", Running = TimeSpan.FromSeconds(5), Runs = 2, Boots = [1, 2], Elapsed = new TimeSpan(0, 2, 50), LastState = "Succeeded" },
                new StepTiming
                {
                    StepId = "xcode", Running = TimeSpan.FromMinutes(20), Runs = 2, Interrupted = 1, Boots = [2],
                    Elapsed = new TimeSpan(0, 21, 57), LastState = "Failed",
                },
            },
            options => options.WithStrictOrdering());
    }

    [Fact]
    public void Entries_are_grouped_by_boot_with_the_new_boot_owning_its_own_run_start()
    {
        var analysis = JournalAnalyzer.Analyze(Read(TwoBootJournal.Text));

        analysis.Boots.Should().BeEquivalentTo(
            new[]
            {
                new BootHistory { Number = 1, BootId = "boot-a", FirstAt = Noon, LastAt = Noon.AddSeconds(17), Runs = 1, RebootsRequested = 1, Halts = 0 },
                new BootHistory { Number = 2, BootId = "boot-b", FirstAt = Noon.AddMinutes(3), LastAt = Noon.AddMinutes(25).AddSeconds(2), Runs = 2, RebootsRequested = 0, Halts = 1 },
            },
            options => options.WithStrictOrdering());
        analysis.Entries.Should().Be(19);
    }

    [Fact]
    public void A_journal_whose_run_start_already_names_the_new_boot_gives_the_same_boots()
    {
        var corrected = TwoBootJournal.Text.Replace(
            "\"bootId\":\"boot-a\",\"kind\":\"run-started\",\"reason\":\"ResumeAfterReboot",
            "\"bootId\":\"boot-b\",\"kind\":\"run-started\",\"reason\":\"ResumeAfterReboot",
            StringComparison.Ordinal);

        var analysis = JournalAnalyzer.Analyze(Read(corrected));

        analysis.Should().BeEquivalentTo(JournalAnalyzer.Analyze(Read(TwoBootJournal.Text)));
    }

    [Fact]
    public void Halts_are_listed_with_their_boot_and_reason()
    {
        var analysis = JournalAnalyzer.Analyze(Read(TwoBootJournal.Text));

        analysis.Halts.Should().Equal(new HaltRecord(Noon.AddMinutes(25).AddSeconds(1), 2, "step xcode failed 2 times: xcodes exited 1: no space left"));
    }

    [Fact]
    public void A_step_still_running_at_the_end_of_the_journal_counts_up_to_the_last_entry()
    {
        var text = string.Join('\n', TwoBootJournal.Text.Split('\n').Take(14));

        var xcode = JournalAnalyzer.Analyze(Read(text)).Steps.Single(s => s.StepId == "xcode");

        xcode.Should().BeEquivalentTo(new { Running = TimeSpan.Zero, Runs = 1, Interrupted = 0, LastState = "Running" });
    }

    [Fact]
    public void An_empty_journal_has_no_boots_and_no_steps()
    {
        var analysis = JournalAnalyzer.Analyze([]);

        analysis.Should().BeEquivalentTo(new JournalAnalysis { Entries = 0, Boots = [], Steps = [], Halts = [] });
    }
}
