using System.CommandLine;
using RigBootstrap.Cli.Hosting;
using RigBootstrap.Cli.Logging;
using RigBootstrap.Core.Run;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `run`: what launchd starts at load and after every boot. Exits 0 when done, halted or rebooting, so launchd does not
/// respawn it; 143 when SIGTERM stopped it first. The run is a Generic Host's hosted service (docs/adr/0006-generic-host.md).
/// </summary>
public static class RunCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("run", "Drive the workflow forward from the state file (launchd runs this)");
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            using var logging = LoggingSetup.CreateForDaemon(paths);
            var config = HostServicesFactory.InstalledConfig(paths);
            if (config is not null)
            {
                // Refusals first, before a host is built: the event outbox creates files, and a refused run changes nothing.
                DaemonRun.Preflight(paths, config);
            }

            var toolsDirPath = parse.GetValue(global.ToolsDir);
            return await DaemonHost.RunAsync(
                logging.Serilog,
                (loggerFactory, ct) => DaemonRunService.RunWorkflowAsync(HostServicesFactory.ForHost(paths, toolsDirPath, loggerFactory, config), config, ct),
                cancellationToken);
        }));
        return command;
    }
}
