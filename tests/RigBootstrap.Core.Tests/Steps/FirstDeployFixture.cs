using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.Secrets.TestKit;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>A simulated Mac on a temporary root, a local bare repository, and first-deploy steps wired to both.</summary>
public sealed class FirstDeployFixture : IDisposable
{
    public const string AgentLabel = "ai.invotek.rig-deploy";
    public const string EnvFile = "/Users/claude/.rig/current/env";

    public static readonly AgentConfig Agent = new() { User = "claude", Home = "/Users/claude" };

    public FirstDeployFixture()
    {
        Mac = new SimulatedMac(Root.Paths);
        LoginWindow = new SimulatedLoginWindow(Mac);
        // The agent's LaunchAgent goes into its user's GUI session, which exists while that user is logged in.
        LoginWindow.LogInAtConsole(Agent.User);
        Launchd = new SimulatedLaunchd(Mac, Agent.User, LoginWindow);
        Git = new CountingGit(new GitTool(new ProcessRunner(TimeProvider.System), LocalGitRepository.Tools));
        Layout = new AgentLayout(Root.Paths, Agent.Home);
    }

    public TempHostRoot Root { get; } = new();

    public LocalGitRepository Origin { get; } = new();

    public SimulatedMac Mac { get; }

    /// <summary>gui/&lt;uid&gt; of the agent user.</summary>
    public SimulatedLaunchd Launchd { get; }

    public SimulatedLoginWindow LoginWindow { get; }

    public CountingGit Git { get; }

    public AgentLayout Layout { get; }

    public RecordingFileOwnership Ownership { get; } = new();

    public PersistedFacts Facts { get; } = new();

    public string EnvFilePath => Root.Paths.Resolve(EnvFile);

    public string PlistPath => Layout.LaunchAgentPlistPath(AgentLabel);

    public FirstDeployConfig Config(string sha) => new() { Repository = Origin.BarePath, Sha = sha, AgentLabel = AgentLabel };

    public FirstDeployStep Step(string sha, IServiceManager? services = null, HostPlatform platform = HostPlatform.MacOs, string? envFile = EnvFile) =>
        new(Config(sha), Agent, envFile, platform, [BuiltInStepIds.Secrets, BuiltInStepIds.Keychain], Root.Paths, Git, services ?? Launchd, Ownership,
            platform == HostPlatform.MacOs ? LoginWindow : null);

    /// <summary>What the secrets step leaves before any deploy: a plain `current` directory holding the 0600 env file.</summary>
    public void WriteEnvFileAsTheSecretsStepDoes(string content, string? envFilePath = null)
    {
        var path = envFilePath ?? EnvFilePath;
        PrivateDirectories.CreateParentsOf(path, Agent.User, Ownership);
        SecretFile.WriteAtomically(path, content);
    }

    public void Dispose()
    {
        Root.Dispose();
        Origin.Dispose();
    }
}
