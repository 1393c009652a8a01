using System.Text;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status;

/// <summary>
/// `status --format jamf`: one line, <c>&lt;result&gt;STATE: reason&lt;/result&gt;</c>, the shape a Jamf extension
/// attribute reports; smart groups match on the leading state word.
/// </summary>
public static class JamfAttribute
{
    /// <summary>The state word when no state file exists, so a smart group can find hosts the install never reached.</summary>
    public const string NotInstalledState = "NotInstalled";

    /// <summary>The state word when state.json and its .prev copy are both unreadable.</summary>
    public const string UnreadableState = "Unreadable";

    public static string Render(StateFile state) => Result(state.Workflow.State.ToString(), state.Workflow.Reason);

    public static string Result(string state, string reason) => $"<result>{Escape(state)}: {Escape(reason)}</result>";

    // A reason may quote a tool's output: newlines would split the attribute, and `<` could end it early.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
