namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Classifies the output of an OS update run and words the fix for an operator.</summary>
public static class SoftwareUpdateOutputClassifier
{
    /// <summary>
    /// Pass stdout and stderr together. A run that really installs with <c>--restart</c> is killed by the reboot,
    /// so its output is never classified: the next boot re-runs <c>softwareupdate --list</c> to confirm.
    /// </summary>
    public static SoftwareUpdateInstallOutcome Classify(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        // A prompt outranks what follows it: the ventura run went on to "Downloaded:" and installed nothing.
        if (output.Split('\n').Any(line => line.Trim().StartsWith("Password:", StringComparison.Ordinal)))
        {
            return SoftwareUpdateInstallOutcome.PasswordPrompt;
        }

        if (Mentions(output, "should not be run with sudo"))
        {
            return SoftwareUpdateInstallOutcome.SudoRefusedOnAppleSilicon;
        }

        // "Failed to authenticate" comes from softwareupdate, "failed to authorize" from startosinstall.
        if (Mentions(output, "Failed to authenticate") || Mentions(output, "failed to authorize"))
        {
            return SoftwareUpdateInstallOutcome.AuthenticationFailed;
        }

        if (Mentions(output, "No new software available."))
        {
            return SoftwareUpdateInstallOutcome.NothingToInstall;
        }

        var lastLine = output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.Length > 0 && !IsNoise(line));
        return lastLine is not null && lastLine.StartsWith("Downloaded:", StringComparison.OrdinalIgnoreCase)
            ? SoftwareUpdateInstallOutcome.DownloadedOnly
            : SoftwareUpdateInstallOutcome.Unrecognised;
    }

    /// <summary>One sentence for an operator that says what happened and which option fixes it.</summary>
    public static string Describe(SoftwareUpdateInstallOutcome outcome) => outcome switch
    {
        SoftwareUpdateInstallOutcome.NothingToInstall =>
            "softwareupdate found nothing to install (No new software available.); if the host is still below the minimum version, the update may be deferred by an MDM or need a full installer.",
        SoftwareUpdateInstallOutcome.DownloadedOnly =>
            "softwareupdate downloaded the update but did not install it; an update that needs a restart is only applied with `softwareupdate --install --restart <label>`.",
        SoftwareUpdateInstallOutcome.SudoRefusedOnAppleSilicon =>
            "softwareupdate refused to run under sudo on Apple Silicon; pass a volume owner's credentials with `--user <owner> --stdinpass` (password on stdin), plus `--restart`.",
        SoftwareUpdateInstallOutcome.AuthenticationFailed =>
            "the OS update was not authorized; check that `--user` names a volume owner (`sudo fdesetup list` or `diskutil apfs listUsers /`) and that `--stdinpass` gets that user's password on stdin.",
        SoftwareUpdateInstallOutcome.PasswordPrompt =>
            "softwareupdate asked for a password: on Apple Silicon it installs only with a volume owner's credentials; set steps.osUpgrade.mode to \"softwareupdate\" with volumeOwner { user, passwordSecret }, or to \"mdm\" and let the MDM upgrade the host (docs/os-upgrade.md).",
        SoftwareUpdateInstallOutcome.NoRestart =>
            "run `softwareupdate --list` and `softwareupdate --history` to see where the update stands; on Apple Silicon an install needs a volume owner's credentials, or an MDM with the bootstrap token (docs/os-upgrade.md).",
        _ =>
            "softwareupdate printed output rig-bootstrap does not recognise; run `softwareupdate --list` to see whether the update is still pending, and check the step's log for the full output.",
    };

    // softwareupdate's NSLog lines ("2022-12-15 10:17:16.349 softwareupdate[5131:52164] XType: …") are stderr noise.
    private static bool IsNoise(string line) => line.Contains("softwareupdate[", StringComparison.Ordinal);

    private static bool Mentions(string output, string text) => output.Contains(text, StringComparison.OrdinalIgnoreCase);
}
