namespace RigBootstrap.Core.Adapters;

/// <summary>A launchctl operation failed; the message names the label and the fix.</summary>
public sealed class ServiceManagerException(string message, int exitCode) : Exception(message)
{
    /// <summary>
    /// launchctl's 125 (`Domain does not support specified action`): a gui/&lt;uid&gt; domain whose user is not logged
    /// in at the GUI. Nothing is wrong but the timing: it goes away when the user logs in.
    /// </summary>
    public const int NoGuiSessionExitCode = 125;

    public int ExitCode { get; } = exitCode;

    /// <summary>The user's GUI session, where the call would go, does not exist yet.</summary>
    public bool IsNoGuiSession => ExitCode == NoGuiSessionExitCode;
}
