namespace RigBootstrap.Core.Adapters;

/// <summary>What a git repository address gives away: a credential in it would reach argv, logs and the manifest.</summary>
public static class GitAddress
{
    /// <summary>True for any user part over http(s) (GitHub takes a token as the user name), and for a password elsewhere.</summary>
    public static bool CarriesCredentials(string repository) =>
        Uri.TryCreate(repository, UriKind.Absolute, out var uri)
        && uri.UserInfo.Length > 0
        && (uri.Scheme is "http" or "https" || uri.UserInfo.Contains(':'));

    /// <summary>The message for such an address; it names only the host, since the address itself holds the secret.</summary>
    public static string CredentialsProblem(string repository) =>
        $"firstDeploy.repository (on {new Uri(repository).Host}) carries a user or token in its address, which would show in argv, "
        + "logs and the manifest; remove it and give the agent user a deploy key or a credential helper instead";
}
