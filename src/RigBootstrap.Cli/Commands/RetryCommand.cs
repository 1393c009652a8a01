using System.CommandLine;
using RigBootstrap.Cli.Logging;
using RigBootstrap.Core.Operator;

namespace RigBootstrap.Cli.Commands;

/// <summary>`retry STEP`: after fixing the cause of a halt, run the step again with fresh attempt and reboot budgets.</summary>
public static class RetryCommand
{
    public static Command Create(GlobalOptions global)
    {
        var step = new Argument<string>("step") { Description = "The step to retry (see `rig-bootstrap status`)" };
        var command = new Command("retry", "Retry a failed or halted step once its cause is fixed") { step };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            using var logging = LoggingSetup.Create(paths, toFile: true, toConsole: false);
            var services = HostServicesFactory.ForHost(paths, parse.GetValue(global.ToolsDir), logging, HostServicesFactory.InstalledConfig(paths));
            Console.WriteLine(await new OperatorActions(services, AppVersion.Current).RetryAsync(parse.GetValue(step)!, cancellationToken));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
