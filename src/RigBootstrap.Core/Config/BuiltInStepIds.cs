using System.Collections.Immutable;

namespace RigBootstrap.Core.Config;

/// <summary>The ids of the built-in steps (docs/design.md §4); command steps may not reuse them.</summary>
public static class BuiltInStepIds
{
    public const string AgeKey = "age-key";
    public const string Secrets = "secrets";
    public const string Keychain = "keychain";
    public const string CommandLineTools = "command-line-tools";
    public const string Xcode = "xcode";
    public const string Autologin = "autologin";
    public const string FirstDeploy = "first-deploy";
    public const string Tcc = "tcc";
    public const string OsUpgrade = "os-upgrade";
    public const string Handoff = "handoff";

    public static ImmutableArray<string> All { get; } =
        [AgeKey, Secrets, Keychain, CommandLineTools, Xcode, Autologin, FirstDeploy, Tcc, OsUpgrade, Handoff];
}
