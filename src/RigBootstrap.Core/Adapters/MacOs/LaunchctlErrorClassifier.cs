namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Classifies a failed <c>launchctl</c> call and words the fix for an operator.</summary>
public static class LaunchctlErrorClassifier
{
    /// <summary>
    /// Stderr text is checked before the exit code: the text is specific, while legacy subcommands such as
    /// <c>load</c> report several failures with the same code (or with 0).
    /// </summary>
    public static LaunchctlErrorKind Classify(int exitCode, string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        if (Mentions(stderr, "bad ownership/permissions"))
        {
            return LaunchctlErrorKind.BadPermissions;
        }

        if (Mentions(stderr, "Service is disabled"))
        {
            return LaunchctlErrorKind.Disabled;
        }

        // Some macOS versions print "Bad request." on the line before, so match the substring, not the line.
        if (Mentions(stderr, "Could not find service"))
        {
            return LaunchctlErrorKind.NotLoaded;
        }

        if (Mentions(stderr, "No such process"))
        {
            return LaunchctlErrorKind.AlreadyStopped;
        }

        if (Mentions(stderr, "Operation already in progress"))
        {
            return LaunchctlErrorKind.AlreadyInProgress;
        }

        // launchctl's text for 125; the second form is what some releases print for a gui domain that is not there.
        if (Mentions(stderr, "Domain does not support specified action") || Mentions(stderr, "Could not find domain for user gui"))
        {
            return LaunchctlErrorKind.NoGuiSession;
        }

        if (Mentions(stderr, "Input/output error"))
        {
            return LaunchctlErrorKind.TransientIo;
        }

        return exitCode switch
        {
            113 => LaunchctlErrorKind.NotLoaded,
            5 => LaunchctlErrorKind.TransientIo,
            119 => LaunchctlErrorKind.Disabled,
            3 => LaunchctlErrorKind.AlreadyStopped,
            37 => LaunchctlErrorKind.AlreadyInProgress,
            ServiceManagerException.NoGuiSessionExitCode => LaunchctlErrorKind.NoGuiSession,
            _ => LaunchctlErrorKind.Other,
        };
    }

    /// <summary>One sentence for an operator that says what happened to <c>&lt;domain&gt;/&lt;label&gt;</c> and how to fix it.</summary>
    /// <param name="domain">launchctl's domain target: `system`, or `gui/&lt;uid&gt;` for the agent's LaunchAgent.</param>
    public static string Describe(LaunchctlErrorKind kind, string label, string domain = "system")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var service = $"{domain}/{label}";
        return kind switch
        {
            LaunchctlErrorKind.NotLoaded =>
                $"{service} is not loaded in launchd (exit 113); bootstrap it with `launchctl bootstrap {domain} <path to {label}.plist>`, or run `rig-bootstrap install` again.",
            LaunchctlErrorKind.TransientIo =>
                $"launchctl gave Input/output error (5) for {service}: it is still loaded, still stopping after a bootout, or disabled; retry for up to 15 s, and if it persists run `launchctl enable {service}` and check `launchctl print {service}`.",
            LaunchctlErrorKind.Disabled =>
                $"{service} is disabled (119), and that survives reboots and reinstalls; run `launchctl enable {service}`, then bootstrap again.",
            LaunchctlErrorKind.AlreadyStopped =>
                $"{service} was already stopped (3: No such process); nothing to do.",
            LaunchctlErrorKind.BadPermissions =>
                $"launchd refused the plist for {service} (bad ownership/permissions); make it owned by root:wheel with mode 0644 (`chown root:wheel` and `chmod 0644` on the plist), then bootstrap again.",
            LaunchctlErrorKind.AlreadyInProgress =>
                $"launchctl reported an operation already in progress (37) for {service}; wait a few seconds, check `launchctl print {service}`, then retry.",
            LaunchctlErrorKind.NoGuiSession =>
                $"{service} cannot be reached: {domain} does not exist yet (125: Domain does not support specified action), as its user is not logged in at the GUI; log that user in at the console (autologin does at boot), then bootstrap again.",
            _ =>
                $"launchctl failed for {service}; run `launchctl print {service}` for the job's state and `launchctl error <code>` for the meaning of the exit code.",
        };
    }

    private static bool Mentions(string stderr, string text) =>
        stderr.Contains(text, StringComparison.OrdinalIgnoreCase);
}
