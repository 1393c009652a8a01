using System.Globalization;
using System.Text;

namespace RigBootstrap.Core.Status;

/// <summary>`status --history`: the journal by boot, then where each step's time went, then every halt.</summary>
public static class HistoryRenderer
{
    public static string Render(JournalAnalysis analysis, string label)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{label}: history of {analysis.Entries} journal entries over {analysis.Boots.Length} boot(s)");
        if (analysis.TornLines > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{Number(analysis.TornLines)} journal line(s) torn by a crash mid-append, skipped; the entries after each are intact, and the state file is the truth");
        }

        if (analysis.Entries == 0)
        {
            return text.ToString();
        }

        text.AppendLine();
        TextTable.Append(
            text,
            ["BOOT", "BOOT ID", "FIRST", "LAST", "RUNS", "REBOOTS", "HALTS"],
            analysis.Boots.Select(b => new[]
            {
                Number(b.Number), b.BootId, DurationText.Stamp(b.FirstAt), DurationText.Stamp(b.LastAt), Number(b.Runs), Number(b.RebootsRequested), Number(b.Halts),
            }));
        text.AppendLine();
        TextTable.Append(
            text,
            ["STEP", "RUNNING", "RUNS", "BOOTS", "ELAPSED", "LAST"],
            analysis.Steps.Select(s => new[]
            {
                s.StepId,
                DurationText.Fine(s.Running),
                s.Interrupted == 0 ? Number(s.Runs) : $"{s.Runs} ({s.Interrupted} died)",
                string.Join(",", s.Boots),
                DurationText.Fine(s.Elapsed),
                s.LastState,
            }));
        text.AppendLine();
        text.AppendLine("  RUNNING sums each try from its move into Running to its outcome; ELAPSED runs from the first try to the last move, waits and reboots included.");
        foreach (var halt in analysis.Halts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  halted in boot {halt.BootNumber} at {DurationText.Stamp(halt.At)}: {halt.Reason}");
        }

        return text.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
