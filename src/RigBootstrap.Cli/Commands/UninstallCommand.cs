using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.State;

namespace RigBootstrap.Cli.Commands;

/// <summary>`uninstall`: boot the daemon out and remove it; the state, journal and logs stay as evidence.</summary>
public static class UninstallCommand
{
    public static Command Create(GlobalOptions global)
    {
        var label = new Option<string?>("--label") { Description = "The daemon's label (default: the one in the state file)" };
        var command = new Command("uninstall", "Remove the daemon, its plist and binary; keep state, journal and logs") { label };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            var services = HostServicesFactory.ForHost(paths, parse.GetValue(global.ToolsDir), NullLoggerFactory.Instance, HostServicesFactory.InstalledConfig(paths));
            var daemonLabel = parse.GetValue(label) ?? new StateFileStore(paths).Load().State?.Label ?? "com.rig.bootstrap";
            Console.WriteLine(await new Uninstaller(paths, services.ServiceManager, services.Platform).UninstallAsync(daemonLabel, cancellationToken));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
