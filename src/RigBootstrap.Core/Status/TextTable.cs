using System.Text;

namespace RigBootstrap.Core.Status;

/// <summary>Left-aligned columns padded to their widest cell; the last column is never padded, so lines end clean.</summary>
public static class TextTable
{
    public static void Append(StringBuilder text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string indent = "  ")
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Count).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var line = new StringBuilder(indent);
            for (var i = 0; i < row.Count - 1; i++)
            {
                line.Append(row[i].PadRight(widths[i] + 2));
            }

            text.AppendLine(line.Append(row[^1]).ToString().TrimEnd());
        }
    }
}
