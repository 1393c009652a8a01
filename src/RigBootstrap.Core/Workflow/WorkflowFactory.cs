using System.Collections.Immutable;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Steps;

namespace RigBootstrap.Core.Workflow;

/// <summary>Builds the workflow a config asks for: built-in steps whose section is present, then its commands, then handoff.</summary>
public static class WorkflowFactory
{
    /// <summary>Built-in steps this build can run; the others are refused as config errors rather than faked.</summary>
    public static readonly ImmutableArray<string> SupportedBuiltIns = [BuiltInStepIds.AgeKey, BuiltInStepIds.Secrets, BuiltInStepIds.Handoff];

    public static WorkflowDefinition Build(BootstrapConfig config, HostServices services, string configPath)
    {
        var unsupported = UnsupportedSections(config.Steps).ToList();
        if (unsupported.Count > 0)
        {
            throw new ConfigException([.. unsupported.Select(section => new ConfigError(configPath, $"steps.{section}",
                $"steps.{section} is not available in this build of rig-bootstrap yet; remove it, or express it as an entry under commands"))]);
        }

        var environment = new CommandEnvironment { Paths = services.Paths, AgentUser = config.Agent.User, AgentHome = config.Agent.Home };
        var steps = new List<IStep>();
        var age = new AgeTool(services.ProcessRunner, services.Tools);
        // Files the agent user must own are chowned on a real host only; a simulation runs as whoever runs it.
        IFileOwnership ownership = services.Paths.IsRealRoot ? new PosixFileOwnership() : new NoFileOwnership();
        if (config.Steps.AgeKey is { } ageKey)
        {
            steps.Add(new AgeKeyStep(ageKey, config.Agent.User, services.Paths, age, ownership));
            if (config.Steps.Secrets is { } secrets)
            {
                steps.Add(new SecretsStep(secrets, ageKey, config.Agent.User, services.Paths, age, ownership));
            }
        }

        steps.AddRange(config.Commands.Select(c => new CommandStep(c, environment, services.ProcessRunner)));
        if (config.Steps.Handoff is { } handoff)
        {
            steps.Add(new HandoffStep(handoff, [.. steps.Select(s => s.Id)], services.ServiceManager, services.Time));
        }

        return WorkflowDefinition.Create(steps);
    }

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

    private static IEnumerable<string> UnsupportedSections(StepsConfig steps)
    {
        if (steps.Keychain is not null) yield return "keychain";
        if (steps.Xcode is not null) yield return "xcode";
        if (steps.Autologin is not null) yield return "autologin";
        if (steps.FirstDeploy is not null) yield return "firstDeploy";
        if (steps.Tcc is not null) yield return "tcc";
        if (steps.OsUpgrade is not null) yield return "osUpgrade";
    }
}
