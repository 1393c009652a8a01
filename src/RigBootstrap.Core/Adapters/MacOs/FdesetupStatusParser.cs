namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Reads <c>fdesetup status</c> output.</summary>
/// <remarks>
/// No sample of this output is among our fixtures (the research note quotes none), and the copies of Apple's
/// fdesetup(8) man page we could search describe the <c>status</c> verb without quoting its output. The five first
/// lines below are the forms public FileVault reporting code matches on: munkireport/filevault_status
/// (<c>filevault_status_controller.php</c>) for the two "needs to be restarted to finish" forms, and several
/// macOS posture checkers for all five. A Jamf extension-attribute script lists the follow-up lines
/// <c>Encryption in progress: …</c> and <c>Deferred enablement appears to be active for user '…'.</c>:
/// <list type="bullet">
/// <item><c>FileVault is On.</c></item>
/// <item><c>FileVault is Off.</c></item>
/// <item><c>FileVault is On, but needs to be restarted to finish.</c></item>
/// <item><c>FileVault is Off, but needs to be restarted to finish.</c> (being turned off)</item>
/// <item><c>FileVault is Off, but will be enabled after the next restart.</c> (deferred enablement)</item>
/// </list>
/// An unknown <c>, but …</c> tail keeps the state and sets no flag. Lines after the first are only checked for
/// <c>Encryption in progress</c> / <c>Decryption in progress</c>.
/// </remarks>
public static class FdesetupStatusParser
{
    private const string OnPrefix = "FileVault is On";
    private const string OffPrefix = "FileVault is Off";

    /// <exception cref="FormatException">The first non-empty line is none of the forms above.</exception>
    public static FileVaultStatus Parse(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        var lines = stdout.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        var first = lines.FirstOrDefault() ?? string.Empty;
        var state = first switch
        {
            _ when first.StartsWith(OnPrefix, StringComparison.Ordinal) => FileVaultState.On,
            _ when first.StartsWith(OffPrefix, StringComparison.Ordinal) => FileVaultState.Off,
            _ => throw new ToolOutputException(
                $"fdesetup status printed '{ToolOutputExcerpt.Of(stdout)}', which does not start with 'FileVault is On' or 'FileVault is Off'; run `fdesetup status` by hand and check FileVault in System Settings."),
        };

        // After "On"/"Off" comes either "." or ", but …": a longer word ("Online") is some other text.
        var rest = first[(state == FileVaultState.On ? OnPrefix : OffPrefix).Length..];
        if (!rest.StartsWith('.') && !rest.StartsWith(", but ", StringComparison.Ordinal))
        {
            throw new ToolOutputException(
                $"fdesetup status printed '{ToolOutputExcerpt.Of(stdout)}', which is none of the known 'FileVault is On.' / 'FileVault is Off.' forms; run `fdesetup status` by hand.");
        }

        var enabledAfterRestart = state == FileVaultState.Off && rest.Contains("will be enabled after the next restart", StringComparison.Ordinal);
        return new FileVaultStatus
        {
            State = state,
            EnabledAfterRestart = enabledAfterRestart,
            RestartPending = enabledAfterRestart || rest.Contains("needs to be restarted", StringComparison.Ordinal),
            ConversionInProgress = lines.Skip(1).Any(line =>
                line.StartsWith("Encryption in progress", StringComparison.Ordinal) || line.StartsWith("Decryption in progress", StringComparison.Ordinal)),
        };
    }
}
