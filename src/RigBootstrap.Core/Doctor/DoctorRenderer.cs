using System.Collections.Immutable;
using System.Text;
using RigBootstrap.Core.Status;

namespace RigBootstrap.Core.Doctor;

/// <summary>The doctor's table: a count line, then each finding in check order with what to do under it.</summary>
public static class DoctorRenderer
{
    public static string Render(ImmutableArray<DoctorFinding> findings)
    {
        var problems = findings.Count(f => f.Severity == FindingSeverity.Problem);
        var warnings = findings.Count(f => f.Severity == FindingSeverity.Warning);
        var text = new StringBuilder();
        text.AppendLine(problems == 0 && warnings == 0
            ? "rig-bootstrap doctor: no problems found"
            : $"rig-bootstrap doctor: {problems} problem(s), {warnings} warning(s)");
        text.AppendLine();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var finding in findings)
        {
            rows.Add([Word(finding.Severity), finding.Check, finding.Message]);
            if (finding.Fix is not null)
            {
                rows.Add(["", "", "fix: " + finding.Fix]);
            }
        }

        TextTable.Append(text, ["RESULT", "CHECK", "FINDING"], rows);
        return text.ToString();
    }

    private static string Word(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Problem => "PROBLEM",
        FindingSeverity.Warning => "WARNING",
        _ => "OK",
    };
}
