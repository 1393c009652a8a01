namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>Maps <c>security</c> exit codes 44/45/51/36/50/2 to kinds and words the fix for an operator.</summary>
public static class SecurityExitCodes
{
    public const int ItemNotFound = 44;
    public const int DuplicateItem = 45;
    public const int AuthFailed = 51;
    public const int InteractionNotAllowed = 36;
    public const int NoSuchKeychain = 50;
    public const int Usage = 2;

    /// <summary>
    /// The exit code decides; stderr is a fallback, for a wrapper that loses the code: <c>find-generic-password</c>
    /// prints <c>… The specified item could not be found in the keychain.</c> when nothing matches.
    /// </summary>
    public static SecurityErrorKind Classify(int exitCode, string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        return exitCode switch
        {
            ItemNotFound => SecurityErrorKind.ItemNotFound,
            DuplicateItem => SecurityErrorKind.DuplicateItem,
            AuthFailed => SecurityErrorKind.AuthFailed,
            InteractionNotAllowed => SecurityErrorKind.InteractionNotAllowed,
            NoSuchKeychain => SecurityErrorKind.NoSuchKeychain,
            Usage => SecurityErrorKind.UsageError,
            _ when IsItemNotFoundMessage(stderr) => SecurityErrorKind.ItemNotFound,
            _ => SecurityErrorKind.Other,
        };
    }

    /// <summary>True for stderr that says no item matched, such as the <c>SecKeychainSearchCopyNext</c> message.</summary>
    public static bool IsItemNotFoundMessage(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        return stderr.Contains("could not be found in the keychain", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>One sentence for an operator; <paramref name="item"/> names the item, such as <c>service "ci" account "runner"</c>.</summary>
    public static string Describe(SecurityErrorKind kind, string item)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(item);
        return kind switch
        {
            SecurityErrorKind.ItemNotFound =>
                $"the keychain has no item for {item} (errSecItemNotFound, exit 44); add it with `security add-generic-password -U`, or check the service and account names in the config.",
            SecurityErrorKind.DuplicateItem =>
                $"the keychain already has an item for {item} (errSecDuplicateItem, exit 45); add it with `-U` to update it in place.",
            SecurityErrorKind.AuthFailed =>
                $"the keychain password was wrong for {item} (errSecAuthFailed, exit 51); check the keychain password in the secrets file against the user's login password.",
            SecurityErrorKind.InteractionNotAllowed =>
                $"the keychain is locked and cannot prompt for {item} (errSecInteractionNotAllowed, exit 36), as under ssh or launchd; unlock it first with `security unlock-keychain <keychain>`.",
            SecurityErrorKind.NoSuchKeychain =>
                $"the keychain for {item} does not exist (errSecNoSuchKeychain, exit 50); a login keychain is created at its user's first login.",
            SecurityErrorKind.UsageError =>
                $"security rejected the command line for {item} (usage error, exit 2); this is a rig-bootstrap bug: report it with the journal.",
            _ =>
                $"security failed for {item}; run the same `security` command by hand to read its message; the exit code is only the low 8 bits of the OSStatus.",
        };
    }
}
