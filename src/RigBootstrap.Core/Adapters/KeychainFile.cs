namespace RigBootstrap.Core.Adapters;

/// <summary>The keychain an item lives in: its file, and the user `security` runs as to reach it.</summary>
/// <remarks>
/// Every <see cref="IKeychain"/> call names its keychain, because the search list of a root daemon is not the
/// agent's. The keychain step uses the agent's login keychain (<see cref="LoginKeychainOf"/>): the items it imports,
/// such as Claude Code's "Claude Code-credentials", are read by the agent's own tools with a plain
/// `security find-generic-password -s … -w`, which searches the user's keychains, never the System keychain.
/// </remarks>
public sealed record KeychainFile
{
    /// <summary>The keychain file as the host sees it (a real path, not resolved under a host root).</summary>
    public required string Path { get; init; }

    /// <summary>
    /// Run `security` in this user's session (`launchctl asuser` + `sudo -u`), so that it sees the login keychain
    /// autologin unlocked, the keychain stays owned by its user and the item's access list trusts `security` in that
    /// user's context; null runs it as the caller (root, for the System keychain).
    /// </summary>
    public string? UserName { get; init; }

    /// <summary>`~/Library/Keychains/login.keychain-db` of <paramref name="userName"/>, reached as that user.</summary>
    public static KeychainFile LoginKeychainOf(string userName, string homeDirPath) => new()
    {
        Path = System.IO.Path.Join(homeDirPath, "Library", "Keychains", "login.keychain-db"),
        UserName = userName,
    };

    public override string ToString() => UserName is null ? Path : $"{Path} (as {UserName})";
}
