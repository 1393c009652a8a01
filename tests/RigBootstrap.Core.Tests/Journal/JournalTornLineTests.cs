using System.Text;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Journal;

/// <summary>
/// A crash mid-append leaves the journal's last line torn. The next append ends that line first, so the damage stays
/// in the torn line: every earlier and every later entry reads back, and the torn line is counted.
/// </summary>
public sealed class JournalTornLineTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static JournalEntry Entry(int n) => new()
    {
        Time = Noon.AddSeconds(n),
        BootId = "boot-a",
        Kind = "step",
        Step = $"step-{n}",
        From = "Pending",
        To = "Running",
        Reason = "ready",
    };

    [Fact]
    public void A_line_torn_at_every_byte_costs_only_itself_and_the_next_append_reads_back()
    {
        using var root = new TempHostRoot();
        var writer = new JournalWriter(root.Paths);
        writer.Append(Entry(1));
        var intact = File.ReadAllBytes(root.Paths.JournalPath);
        writer.Append(Entry(2));
        var torn = File.ReadAllBytes(root.Paths.JournalPath)[intact.Length..];
        torn[^1].Should().Be((byte)'\n');

        // Cut 0 is no tear; cut torn.Length - 1 drops only the newline, so the entry itself survives.
        for (var cut = 1; cut < torn.Length; cut++)
        {
            // Arrange
            File.WriteAllBytes(root.Paths.JournalPath, [.. intact, .. torn[..cut]]);

            // Act
            writer.Append(Entry(3));
            var contents = new JournalReader(root.Paths).Read();

            // Assert
            var because = $"the second line torn after {cut} of its {torn.Length} bytes";
            var wholeButNewline = cut == torn.Length - 1;
            contents.Entries.Select(e => e.Step).Should().Equal(wholeButNewline ? ["step-1", "step-2", "step-3"] : ["step-1", "step-3"], because);
            contents.TornLines.Should().Be(wholeButNewline ? 0 : 1, because);
            File.ReadAllBytes(root.Paths.JournalPath)[^1].Should().Be((byte)'\n', because);
        }
    }

    [Fact]
    public void An_intact_journal_gets_no_extra_line_break()
    {
        // Arrange
        using var root = new TempHostRoot();
        var writer = new JournalWriter(root.Paths);

        // Act
        writer.Append(Entry(1));
        writer.Append(Entry(2));

        // Assert
        File.ReadAllText(root.Paths.JournalPath, Encoding.UTF8).Split('\n').Should().HaveCount(3, "two lines and the final newline, no blank line");
        new JournalReader(root.Paths).Read().Should().BeEquivalentTo(new JournalContents([Entry(1), Entry(2)], 0));
    }

    [Fact]
    public void Status_history_counts_the_torn_lines()
    {
        // Arrange
        var analysis = JournalAnalyzer.Analyze([Entry(1), Entry(3)]) with { TornLines = 1 };

        // Act
        var text = HistoryRenderer.Render(analysis, "ai.invotek.rig-bootstrap");

        // Assert
        text.Should().Contain("1 journal line(s) torn by a crash mid-append, skipped; the entries after each are intact");
        HistoryRenderer.Render(analysis with { TornLines = 0 }, "ai.invotek.rig-bootstrap").Should().NotContain("torn");
    }
}
