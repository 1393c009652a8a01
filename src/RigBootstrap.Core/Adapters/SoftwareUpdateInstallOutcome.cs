namespace RigBootstrap.Core.Adapters;

/// <summary>What the output of <c>softwareupdate --install</c> (or <c>startosinstall</c>) says happened.</summary>
public enum SoftwareUpdateInstallOutcome
{
    /// <summary>No rule below matched: re-run <c>softwareupdate --list</c> to learn where the host stands.</summary>
    Unrecognised,

    /// <summary><c>No new software available.</c>: nothing to install.</summary>
    NothingToInstall,

    /// <summary>The run stopped at <c>Downloaded: …</c>: without <c>--restart</c> an update that needs one is never applied.</summary>
    DownloadedOnly,

    /// <summary><c>… on Apple Silicon should not be run with sudo</c>: it needs a volume owner's credentials instead.</summary>
    SudoRefusedOnAppleSilicon,

    /// <summary><c>Failed to authenticate</c> or <c>failed to authorize</c>: the volume owner's name or password was wrong or missing.</summary>
    AuthenticationFailed,

    /// <summary>It printed <c>Password:</c>: on Apple Silicon without <c>--user</c>/<c>--stdinpass</c> it prompts a terminal nobody reads.</summary>
    PasswordPrompt,

    /// <summary>It went silent, or downloaded and did not restart the host, for longer than the install allows: stopped.</summary>
    NoRestart,
}
