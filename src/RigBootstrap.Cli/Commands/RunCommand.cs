using System.CommandLine;
using RigBootstrap.Cli.Logging;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Run;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Cli.Commands;

/// <summary>`run`: what launchd starts at load and after every boot. Exits 0 when done, halted or rebooting, so launchd does not respawn it.</summary>
public static class RunCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("run", "Drive the workflow forward from the state file (launchd runs this)");
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            using var logging = LoggingSetup.Create(paths, toFile: true, toConsole: true);
            var config = HostServicesFactory.InstalledConfig(paths);
            if (config is not null)
            {
                // Refusals first: the event outbox below creates files, and a refused run changes nothing.
                DaemonRun.Preflight(paths, config);
            }

            var (events, services) = await EventWiring.StartAsync(
                HostServicesFactory.ForHost(paths, parse.GetValue(global.ToolsDir), logging, config), config, cancellationToken);
            await using var eventsLifetime = events;
            var outcome = await new DaemonRun(services, AppVersion.Current, config, preflightDone: config is not null).RunAsync(cancellationToken);
            if (events is not null && outcome is not (RunOutcome.RebootRequested or RunOutcome.Completed))
            {
                // Halted or waiting for a person: let the last events leave before the process exits.
                await events.DrainAsync(cancellationToken);
            }

            if (outcome == RunOutcome.RebootRequested)
            {
                // The reboot takes this process down. If it has not after the grace period, exit non-zero so launchd
                // runs us again: that run sees the intent in the same boot and asks again, a bounded number of times.
                var grace = config?.Reboot.ShutdownGrace ?? new RebootConfig().ShutdownGrace;
                await Task.Delay(grace, cancellationToken);
                Console.Error.WriteLine($"rig-bootstrap: the requested reboot did not happen within {grace} (reboot.shutdownGrace); exiting so launchd starts the run again");
                return ExitCodes.TemporaryFailure;
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
