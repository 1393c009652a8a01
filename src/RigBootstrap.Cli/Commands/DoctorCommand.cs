using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.State;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `doctor [--config FILE]`: checks a host before or after install and says what to do about each finding.
/// Exit 0 when nothing is a Problem (warnings may remain), 69 when something the workflow needs is missing or
/// wrong, 78 when --config is invalid. It only reads.
/// </summary>
public static class DoctorCommand
{
    public static Command Create(GlobalOptions global)
    {
        var config = new Option<string?>("--config") { Description = "Check for this config before installing it (default: the installed config, if any)" };
        var command = new Command("doctor", "Check this host for what the workflow needs: root, tools, FileVault, launchd overrides, file modes and owners, the binary's signature and quarantine, disk") { config };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            // A config given on the command line must be valid; the installed one is read only if it can be.
            var given = parse.GetValue(config);
            var parsedConfig = given is not null ? ConfigLoader.LoadFile(Path.GetFullPath(given))
                : File.Exists(paths.ConfigPath) ? TryLoad(paths.ConfigPath) : null;
            var state = TryLoadState(paths);
            var services = HostServicesFactory.ForHost(
                paths, parse.GetValue(global.ToolsDir), NullLoggerFactory.Instance, parsedConfig ?? HostServicesFactory.InstalledConfig(paths));
            var doctor = HostDoctor.ForHost(services, DoctorTarget.From(parsedConfig, state), parsedConfig, OperatingSystem.IsMacOS(), EffectiveUser.Id());
            var findings = await doctor.RunAsync(cancellationToken);
            Console.Write(DoctorRenderer.Render(findings));
            return findings.Any(f => f.Severity == FindingSeverity.Problem) ? ExitCodes.Unavailable : ExitCodes.Ok;
        }));
        return command;
    }

    private static BootstrapConfig? TryLoad(string configPath)
    {
        try
        {
            return ConfigLoader.LoadFile(configPath);
        }
        catch (Exception ex) when (ex is ConfigException or UnauthorizedAccessException)
        {
            // The installed config is 0600 root: a doctor run without sudo cannot read it, and the root check says so.
            return null;
        }
    }

    private static StateFile? TryLoadState(Core.Host.HostPaths paths)
    {
        try
        {
            return new StateFileStore(paths).Load().State;
        }
        catch (StateFileCorruptException)
        {
            // The labels fall back to the config or the default; `status` is where a corrupt state is reported.
            return null;
        }
    }
}
