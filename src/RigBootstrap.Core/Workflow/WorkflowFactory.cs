using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Steps;

namespace RigBootstrap.Core.Workflow;

/// <summary>Builds the workflow a config asks for: built-in steps whose section is present, then its commands, then handoff.</summary>
public static class WorkflowFactory
{
    public static WorkflowDefinition Build(BootstrapConfig config, HostServices services)
    {
        var environment = new CommandEnvironment { Paths = services.Paths, AgentUser = config.Agent.User, AgentHome = config.Agent.Home };
        var steps = new List<IStep>();
        AddBuiltIns(config, services, environment, steps);
        steps.AddRange(config.Commands.Select(c => new CommandStep(c, environment, services.ProcessRunner)));
        if (config.Steps.Handoff is { } handoff)
        {
            // On a Mac first-deploy puts the agent in its user's GUI session; without it, a command installed it where it chose.
            var inSession = config.Steps.FirstDeploy is not null && services.Platform == HostPlatform.MacOs;
            steps.Add(new HandoffStep(handoff, [.. steps.Select(s => s.Id)], inSession ? AgentServices(config, services) : services.ServiceManager,
                services.Time, inSession ? AgentHealth.ExitedCleanSinceLoad : AgentHealth.RunningOrExitedClean));
        }

        return WorkflowDefinition.Create(steps);
    }

    /// <summary>Where the fleet agent runs: the agent user's GUI session on a Mac (as the fleet plan has it), else the system's.</summary>
    private static IServiceManager AgentServices(BootstrapConfig config, HostServices services) =>
        services.Platform == HostPlatform.MacOs && services.UserSession is { } session ? session(config.Agent.User) : services.ServiceManager;

    public static EngineOptions Options(BootstrapConfig config, string version) => new()
    {
        Label = config.Label,
        Version = version,
        ManualReboot = config.Reboot.Mode == RebootMode.Manual,
        MaxBootsWithoutProgress = config.Reboot.MaxBootsWithoutProgress,
        MaxRebootsPerStep = config.Reboot.MaxRebootsPerStep,
        MaxReboots = config.Reboot.MaxReboots,
        MaxCrashesPerBoot = config.Daemon.MaxCrashesPerBoot,
        AgentLabel = config.Steps.Handoff?.AgentLabel,
    };

    /// <summary>
    /// git for the steps that run it: on a Mac the developer directory's (never the /usr/bin shim), unless the config's
    /// `tools.git` names one; on Linux the tool table's.
    /// </summary>
    private static GitTool Git(BootstrapConfig config, HostServices services, CommandEnvironment environment) =>
        services.Platform == HostPlatform.MacOs && !services.Tools.IsOverridden(ToolNames.Git)
            ? new GitTool(services.ProcessRunner, DeveloperGit.PathFrom(services.CommandLineTools), environment.AgentUserOnRealHost, config.Agent.Home)
            : new GitTool(services.ProcessRunner, services.Tools, environment.AgentUserOnRealHost, config.Agent.Home);

    /// <summary>The built-in steps of docs/design.md §4, in their table's order, each depending on the configured steps it needs.</summary>
    private static void AddBuiltIns(BootstrapConfig config, HostServices services, CommandEnvironment environment, List<IStep> steps)
    {
        var configured = config.Steps;
        // age runs in process (docs/adr/0002-age-in-process.md): no tool to find on a fresh Mac.
        var age = new InProcessAge(services.Time);
        // Files the agent user must own are chowned on a real host only; a simulation runs as whoever runs it.
        IFileOwnership ownership = services.Paths.IsRealRoot ? new PosixFileOwnership() : new NoFileOwnership();
        ImmutableArray<string> Present(params string[] ids) => [.. ids.Where(id => steps.Any(s => s.Id == id))];

        SecretsStep? secrets = null;
        if (configured.AgeKey is { } ageKey)
        {
            steps.Add(new AgeKeyStep(ageKey, config.Agent.User, services.Paths, age, ownership));
            if (configured.Secrets is { } secretsConfig)
            {
                secrets = new SecretsStep(secretsConfig, ageKey, config.Agent.User, services.Paths, age, ownership);
                steps.Add(secrets);
            }
        }

        if (secrets is not null && configured.Keychain is { } keychain)
        {
            // `security` runs in the agent's session (launchctl asuser + sudo -u), the fake tools' too: they model that session.
            var loginKeychain = KeychainFile.LoginKeychainOf(config.Agent.User, config.Agent.Home);
            steps.Add(new KeychainStep(keychain, loginKeychain,
                secrets.Values, configured.Secrets!.Source, services.Keychain, [BuiltInStepIds.Secrets], services.Paths, services.LoginWindow, AgentLogin(config)));
        }

        if (configured.OsUpgrade is { } osUpgrade)
        {
            // The volume owner's password is a secret like autologin's: it comes from the decrypted SOPS file.
            var volumeOwner = secrets is not null && osUpgrade.VolumeOwner is { } owner
                ? new AccountSecret(owner.User, owner.PasswordSecret, secrets.Values)
                : null;
            steps.Add(new OsUpgradeStep(osUpgrade, services.SoftwareUpdate, services.VolumeOwners, volumeOwner, services.Time));
        }

        if (secrets is not null && configured.Autologin is { } autologin)
        {
            steps.Add(new AutologinStep(autologin, secrets.Values, configured.Secrets!.Source, services.LoginWindow, [BuiltInStepIds.Secrets]));
        }

        if (configured.CommandLineTools is not null)
        {
            steps.Add(new CommandLineToolsStep(Present(BuiltInStepIds.OsUpgrade), services.CommandLineTools,
                new CommandLineToolsOnDemandMarker(services.Paths)));
        }

        if (configured.Xcode is { } xcode)
        {
            steps.Add(XcodeStepFactory.Create(xcode, config.Agent.User,
                xcode.Xcodes is null ? Present(BuiltInStepIds.OsUpgrade) : Present(BuiltInStepIds.OsUpgrade, BuiltInStepIds.Secrets), services, secrets));
        }

        if (configured.FirstDeploy is { } firstDeploy)
        {
            steps.Add(new FirstDeployStep(firstDeploy, config.Agent, configured.Secrets?.EnvFile, services.Platform,
                Present(BuiltInStepIds.Secrets, BuiltInStepIds.Keychain, BuiltInStepIds.CommandLineTools), services.Paths,
                Git(config, services, environment), AgentServices(config, services), ownership,
                services.Platform == HostPlatform.MacOs ? services.LoginWindow : null, AgentLogin(config)));
        }

        if (configured.Tcc is { } tcc)
        {
            steps.Add(new TccStep(tcc, configured.Autologin?.User ?? config.Agent.User,
                Present(BuiltInStepIds.Autologin, BuiltInStepIds.FirstDeploy), services.Tcc, services.TccPolicy));
        }
    }

    /// <summary>Whether autologin, at the next boot, is what logs the agent's user in (steps.autologin names that user).</summary>
    private static AgentLoginHint AgentLogin(BootstrapConfig config) =>
        new(config.Agent.User, ByAutologin: config.Steps.Autologin?.User == config.Agent.User);
}
