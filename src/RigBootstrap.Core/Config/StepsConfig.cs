namespace RigBootstrap.Core.Config;

/// <summary>The built-in steps; <c>null</c> means the step is not configured and does not run.</summary>
public sealed record StepsConfig
{
    public AgeKeyConfig? AgeKey { get; init; }

    public SecretsConfig? Secrets { get; init; }

    public KeychainConfig? Keychain { get; init; }

    /// <summary>On a macOS host, added by the config reader whenever firstDeploy is present (git needs it).</summary>
    public CommandLineToolsConfig? CommandLineTools { get; init; }

    public XcodeConfig? Xcode { get; init; }

    public AutologinConfig? Autologin { get; init; }

    public FirstDeployConfig? FirstDeploy { get; init; }

    public TccConfig? Tcc { get; init; }

    public OsUpgradeConfig? OsUpgrade { get; init; }

    public HandoffConfig? Handoff { get; init; }
}
