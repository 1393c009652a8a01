using System.CommandLine;
using RigBootstrap.Cli.Logging;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Processes;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `demo`: the whole workflow of docs/design.md §1 on a simulated Mac in a new temporary directory — install, age key, secrets
/// (the operator registers the host's recipient), keychain, Xcode, autologin, first deploy, TCC (the MDM grants it),
/// one coalesced reboot for autologin and the OS upgrade, handoff and self-removal — printing each transition.
/// </summary>
public static class DemoCommand
{
    /// <summary>The simulated clock runs this much faster than the wall clock, so back-offs and windows pass in seconds.</summary>
    public const double ClockFactor = 60;

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
            Directory.CreateDirectory(paths.RootDirPath);
            Console.WriteLine($"Simulated Mac at {paths.RootDirPath} (its clock runs {ClockFactor}x faster than yours)");
            var kept = parse.GetValue(keep) || intoDir is not null;
            try
            {
                var time = new AcceleratedTimeProvider(ClockFactor);
                var scenario = await DemoScenario.PrepareAsync(paths, new ProcessRunner(time), time, cancellationToken);
                foreach (var note in scenario.Notes)
                {
                    Console.WriteLine($"note: {note}");
                }

                var final = await Simulate.RunAsync(paths, time, scenario.ConfigPath, scenario, cancellationToken);
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
