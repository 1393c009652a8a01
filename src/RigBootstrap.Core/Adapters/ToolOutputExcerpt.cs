namespace RigBootstrap.Core.Adapters;

/// <summary>Shortens tool output for quoting in an exception message, so one bad run cannot flood a log.</summary>
internal static class ToolOutputExcerpt
{
    private const int MaxChars = 200;

    /// <summary>The trimmed output, cut to 200 characters with an ellipsis, and with control characters shown as <c>\n</c>, <c>\t</c> or <c>\u00XX</c>.</summary>
    public static string Of(string output)
    {
        var trimmed = output.Trim();
        var cut = trimmed.Length > MaxChars ? trimmed[..MaxChars] : trimmed;
        var text = string.Concat(cut.Select(Visible));
        return cut.Length < trimmed.Length ? text + "…" : text;
    }

    private static string Visible(char c) => c switch
    {
        '\n' => "\\n",
        '\t' => "\\t",
        '\r' => "\\r",
        _ when char.IsControl(c) => $"\\u{(int)c:X4}",
        _ => c.ToString(),
    };
}
