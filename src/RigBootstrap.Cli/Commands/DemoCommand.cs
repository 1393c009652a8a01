using System.CommandLine;
using RigBootstrap.Cli.Logging;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `demo`: the whole workflow on a simulated Mac in a new temporary directory — install, command steps, a reboot
/// the simulation carries out, resume, handoff to a simulated rig-deploy, self-removal — printing each transition.
/// </summary>
public static class DemoCommand
{
    public static Command Create(GlobalOptions global)
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the simulated host root and print where it is" };
        var into = new Option<string?>("--into") { Description = "Use this (empty or new) directory as the simulated host root; it is kept" };
        var command = new Command("demo", "Run the full workflow on a simulated Mac in a temporary directory") { keep, into };
        command.SetAction((parse, cancellationToken) => Verb.RunAsync(async () =>
        {
            var intoDir = parse.GetValue(into);
            if (intoDir is not null && Directory.Exists(intoDir) && Directory.EnumerateFileSystemEntries(intoDir).Any())
            {
                // The simulated host writes a whole Mac layout there (--into / would be a real host): only an empty directory.
                Console.Error.WriteLine($"rig-bootstrap: {intoDir} is not empty; pass a new or empty directory to --into (exit {ExitCodes.Usage})");
                return ExitCodes.Usage;
            }

            var root = intoDir ?? Directory.CreateTempSubdirectory("rig-bootstrap-demo-").FullName;
            var paths = HostPaths.ForRoot(root);
            Console.WriteLine($"Simulated Mac at {paths.RootDirPath}");
            var configPath = Path.Join(paths.RootDirPath, "demo-config.json");
            Directory.CreateDirectory(paths.RootDirPath);
            await File.WriteAllTextAsync(configPath, DemoConfig.Text, cancellationToken);
            var kept = parse.GetValue(keep) || intoDir is not null;
            try
            {
                using var logging = LoggingSetup.Create(paths, toFile: true, toConsole: true);
                var host = new SimulatedHost(paths, TimeProvider.System, logging);
                var binary = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell where this binary is.");
                var final = await new Rehearsal(host, Console.Out, AppVersion.Current).RunAsync(configPath, binary, cancellationToken);
                return final.Workflow.State == WorkflowState.Completed ? ExitCodes.Ok : ExitCodes.Software;
            }
            finally
            {
                if (kept)
                {
                    Console.WriteLine($"The simulated host is kept at {paths.RootDirPath}; try `rig-bootstrap status --root {paths.RootDirPath}`");
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
