using System.CommandLine;
using RigBootstrap.Cli.Logging;
using RigBootstrap.Core.Operator;

namespace RigBootstrap.Cli.Commands;

/// <summary>`reset STEP` forgets what a step did; `reset --all` starts the workflow over (the journal and the age key stay).</summary>
public static class ResetCommand
{
    public static Command Create(GlobalOptions global)
    {
        var step = new Argument<string?>("step") { Description = "The step to reset", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Start the whole workflow over from a fresh state file" };
        var command = new Command("reset", "Reset one step, or with --all the whole workflow") { step, all };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var stepId = parse.GetValue(step);
            if (stepId is null == !parse.GetValue(all))
            {
                Console.Error.WriteLine("rig-bootstrap: name one step to reset, or pass --all (exit 64)");
                return ExitCodes.Usage;
            }

            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            using var logging = LoggingSetup.Create(paths, toFile: true, toConsole: false);
            var services = HostServicesFactory.ForHost(paths, parse.GetValue(global.ToolsDir), logging, HostServicesFactory.InstalledConfig(paths));
            var actions = new OperatorActions(services, AppVersion.Current);
            Console.WriteLine(stepId is null ? await actions.ResetAllAsync(cancellationToken) : await actions.ResetStepAsync(stepId, cancellationToken));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
