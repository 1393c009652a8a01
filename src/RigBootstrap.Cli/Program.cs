using System.CommandLine;
using RigBootstrap.Cli;
using RigBootstrap.Cli.Commands;

var global = new GlobalOptions();
var run = RunCommand.Create(global);
var root = new RootCommand("rig-bootstrap: brings a fresh Mac build host to the fleet agent across reboots, crashes and OS upgrades.");
root.Options.Add(global.Root);
root.Options.Add(global.ToolsDir);
foreach (var command in new[]
{
    InstallCommand.Create(global), run, StatusCommand.Create(global), PlanCommand.Create(global),
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

// `run` handles SIGTERM and SIGINT in its Generic Host (a stop that waits for the step's process tree); System.CommandLine's
// own handler would end the process 2 s after the signal, whatever the run was doing. The other verbs keep it.
var invocation = new InvocationConfiguration();
if (parsed.CommandResult.Command == run)
{
    invocation.ProcessTerminationTimeout = null;
}

return await parsed.InvokeAsync(invocation);
