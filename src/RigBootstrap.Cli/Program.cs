using System.CommandLine;
using RigBootstrap.Cli;
using RigBootstrap.Cli.Commands;

var global = new GlobalOptions();
var root = new RootCommand("rig-bootstrap: brings a fresh Mac build host to the fleet agent across reboots, crashes and OS upgrades.");
root.Options.Add(global.Root);
root.Options.Add(global.ToolsDir);
foreach (var command in new[]
{
    InstallCommand.Create(global), RunCommand.Create(global), StatusCommand.Create(global), PlanCommand.Create(global),
    GraphCommand.Create(global), RetryCommand.Create(global), ResetCommand.Create(global), UninstallCommand.Create(global),
    DemoCommand.Create(global), RehearseCommand.Create(global), DoctorCommand.Create(global), CheckSecretsCommand.Create(global),
    AgeCommand.Create(),
})
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"rig-bootstrap: {error.Message}");
    }

    Console.Error.WriteLine("Run `rig-bootstrap --help` for the verbs and options.");
    return ExitCodes.Usage;
}

return await parsed.InvokeAsync();
