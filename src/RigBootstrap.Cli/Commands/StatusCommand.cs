using System.CommandLine;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;

namespace RigBootstrap.Cli.Commands;

/// <summary>
/// `status`: renders state.json. Exit codes are a frozen contract (DESIGN §10): 0 completed, 1 halted,
/// 2 in progress; 69 when rig-bootstrap is not installed here, 65 when the state cannot be read.
/// </summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions global)
    {
        var json = new Option<bool>("--json") { Description = "Print the state file (the documented contract) instead of the table" };
        var command = new Command("status", "Show where this host is, since when, why, and what happens next") { json };
        command.SetAction((parse, _) => Verb.RunAsync(() =>
        {
            var paths = Verb.Paths(parse.GetValue(global.Root)!);
            var loaded = new StateFileStore(paths).Load();
            if (loaded.State is not { } state)
            {
                Console.Error.WriteLine($"rig-bootstrap: no state at {paths.StatePath}; rig-bootstrap is not installed on this host (exit {ExitCodes.Unavailable})");
                return Task.FromResult(ExitCodes.Unavailable);
            }

            Console.Write(parse.GetValue(json) ? StateFileStore.Serialize(state) : StatusRenderer.Render(state, TimeProvider.System.GetUtcNow()));
            if (loaded.WasRecovered && !parse.GetValue(json))
            {
                Console.WriteLine($"  note: {loaded.RecoveredBecause}");
            }

            return Task.FromResult(state.Workflow.State switch
            {
                WorkflowState.Completed => ExitCodes.Ok,
                WorkflowState.Halted => ExitCodes.StatusHalted,
                _ => ExitCodes.StatusInProgress,
            });
        }));
        return command;
    }
}
