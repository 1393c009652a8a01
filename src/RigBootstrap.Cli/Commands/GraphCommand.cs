using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Cli.Commands;

/// <summary>`graph`: Mermaid of the step graph, or with --lifecycle of the workflow and step state machines.</summary>
public static class GraphCommand
{
    public static Command Create(GlobalOptions global)
    {
        var config = new Option<string?>("--config") { Description = "Graph this config instead of the installed one (default: the demo config)" };
        var lifecycle = new Option<bool>("--lifecycle") { Description = "Print the workflow and step state machines instead" };
        var command = new Command("graph", "Print the workflow as a Mermaid diagram") { config, lifecycle };
        command.SetAction((parse, _) => Verb.RunAsync(() =>
        {
            if (parse.GetValue(lifecycle))
            {
                Console.Write(WorkflowGraph.WorkflowLifecycleMermaid());
                Console.WriteLine();
                Console.Write(WorkflowGraph.StepLifecycleMermaid());
                return Task.FromResult(ExitCodes.Ok);
            }

            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            var (bootstrapConfig, path) = ConfigSource.Resolve(parse.GetValue(config), paths);
            var services = HostServicesFactory.ForHost(paths, parse.GetValue(global.ToolsDir), NullLoggerFactory.Instance, bootstrapConfig);
            Console.Write(WorkflowGraph.Steps(WorkflowDescription.From(WorkflowFactory.Build(bootstrapConfig, services))));
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
