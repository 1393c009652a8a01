namespace RigBootstrap.Core.Adapters;

/// <summary>A user name and its password, for a tool that reads the password on stdin or from its environment.</summary>
/// <remarks>The password never reaches argv, a log or a message: <see cref="ToString"/> masks it (docs/invariants.md I6).</remarks>
public sealed record AccountCredentials(string User, string Password)
{
    public override string ToString() => $"{nameof(AccountCredentials)} {{ User = {User}, Password = **** }}";
}
