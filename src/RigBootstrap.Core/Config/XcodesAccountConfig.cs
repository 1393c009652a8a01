namespace RigBootstrap.Core.Config;

/// <summary>
/// The Apple ID xcodes signs in with, its password a secret. An Apple ID with two-factor authentication still asks
/// for a code nobody answers on a fleet host, so this is the fallback to a configured <c>.xip</c>.
/// </summary>
public sealed record XcodesAccountConfig
{
    public required string AppleId { get; init; }

    public required string PasswordSecret { get; init; }
}
