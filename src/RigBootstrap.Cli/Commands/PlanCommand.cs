using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Cli.Commands;

/// <summary>`plan`: what would run, in order, and why. Changes nothing.</summary>
public static class PlanCommand
{
    public static Command Create(GlobalOptions global)
    {
        var config = new Option<string?>("--config") { Description = "Plan this config instead of the installed one" };
        var command = new Command("plan", "Show what would run, in order, and why; changes nothing") { config };
        command.SetAction((parse, _) => Verb.RunAsync(() =>
        {
            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            var (bootstrapConfig, path) = ConfigSource.Resolve(parse.GetValue(config), paths);
            var services = HostServicesFactory.ForHost(paths, parse.GetValue(global.ToolsDir), NullLoggerFactory.Instance, bootstrapConfig);
            var definition = WorkflowFactory.Build(bootstrapConfig, services);
            var state = parse.GetValue(config) is null ? new StateFileStore(paths).Load().State : null;
            Console.Write(PlanRenderer.Render(WorkflowDescription.From(definition), state));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
