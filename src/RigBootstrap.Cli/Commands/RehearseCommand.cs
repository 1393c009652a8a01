using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `rehearse --config FILE`: the operator's own config on a simulated Mac in a temporary directory — the plan, every
/// transition, the reboots, and the end state — changing nothing outside that directory (docs/design.md §6).
/// </summary>
public static class RehearseCommand
{
    public static Command Create(GlobalOptions global)
    {
        var config = new Option<string>("--config") { Description = "The config to rehearse", Required = true };
        var sopsFile = new Option<string?>("--sops-file") { Description = "Place this SOPS file where steps.secrets.source says, on the simulated Mac" };
        var keep = new Option<bool>("--keep") { Description = "Keep the simulated host root and print where it is" };
        var command = new Command("rehearse", "Run a config on a simulated Mac, reboots included, and show what would happen") { config, sopsFile, keep };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var configPath = Path.GetFullPath(parse.GetValue(config)!);
            var parsed = ConfigLoader.LoadFile(configPath); // validated before anything is created (docs/invariants.md I9)
            var paths = HostPaths.ForRoot(Directory.CreateTempSubdirectory("rig-bootstrap-rehearsal-").FullName);
            try
            {
                var time = new AcceleratedTimeProvider(DemoCommand.ClockFactor);
                var plan = WorkflowFactory.Build(parsed, HostServicesFactory.ForHost(paths, null, NullLoggerFactory.Instance, parsed));
                Console.WriteLine($"Rehearsing {configPath} on a simulated Mac at {paths.RootDirPath} (its clock runs {DemoCommand.ClockFactor}x faster)");
                Console.Write(PlanRenderer.Render(WorkflowDescription.From(plan), null));
                if (parse.GetValue(sopsFile) is { } sops && parsed.Steps.Secrets is { } secrets)
                {
                    var target = paths.Resolve(secrets.Source);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(sops, target);
                }

                var final = await Simulate.RunAsync(paths, time, configPath, scenario: null, cancellationToken);
                Console.WriteLine($"End state: {final.Workflow.State} ({final.Workflow.Reason}); reboots: {final.Boots.RebootsRequested}");
                return final.Workflow.State switch
                {
                    WorkflowState.Completed => ExitCodes.Ok,
                    WorkflowState.Halted => ExitCodes.StatusHalted,
                    _ => ExitCodes.StatusInProgress,
                };
            }
            finally
            {
                if (parse.GetValue(keep))
                {
                    Console.WriteLine($"The simulated host is kept at {paths.RootDirPath}");
                }
                else
                {
                    Directory.Delete(paths.RootDirPath, recursive: true);
                }
            }
        }));
        return command;
    }
}
