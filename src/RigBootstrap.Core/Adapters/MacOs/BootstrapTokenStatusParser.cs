namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// Parses `profiles status -type bootstraptoken`: `profiles: Bootstrap Token supported on server: YES|NO` and, when
/// supported, `profiles: Bootstrap Token escrowed to server: YES|NO` (fixture
/// profiles-status-bootstraptoken-not-supported-catalina.txt; the escrowed wording as macadmins' scripts match it,
/// e.g. "Bootstrap Token escrowed to server: YES" in Jamf extension attributes and Apple Silicon update scripts).
/// </summary>
public static class BootstrapTokenStatusParser
{
    public static BootstrapTokenStatus Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new BootstrapTokenStatus(Answer(output, "Bootstrap Token supported on server:"), Answer(output, "Bootstrap Token escrowed to server:"));
    }

    private static bool? Answer(string output, string question)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.Contains(question, StringComparison.OrdinalIgnoreCase));
        if (line is null)
        {
            return null;
        }

        var answer = line[(line.IndexOf(question, StringComparison.OrdinalIgnoreCase) + question.Length)..].Trim();
        return answer.Equals("YES", StringComparison.OrdinalIgnoreCase) ? true
            : answer.Equals("NO", StringComparison.OrdinalIgnoreCase) ? false
            : null;
    }
}
