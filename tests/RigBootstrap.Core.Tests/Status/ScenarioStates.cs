using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Status;

/// <summary>
/// state.json as the product writes it in each kind of scenario: the demo (Completed), a fresh install, a halted,
/// a waiting and a rebooting run, and one with every optional field set.
/// </summary>
public static class ScenarioStates
{
    public static readonly string[] Names = ["demo", "installed", "halted", "waiting", "rebooting", "every-field-set"];

    /// <summary>Runs the scenario on a real temporary host root and returns state.json as the engine wrote it.</summary>
    public static async Task<string> JsonOfAsync(string scenario)
    {
        switch (scenario)
        {
            case "demo":
                using (var root = new TempHostRoot())
                {
                    var (final, _) = await DemoRun.RunAsync(root, TextWriter.Null);
                    final.Workflow.State.Should().Be(WorkflowState.Completed);
                    return await File.ReadAllTextAsync(root.Paths.StatePath);
                }

            case "installed":
                using (var installed = await InstalledHost.InstallAsync(Configs.TwoCommands))
                {
                    return await File.ReadAllTextAsync(installed.Root.Paths.StatePath);
                }

            case "halted":
                return await EngineStateAsync(_ => new ApplyResult.Fail("the brew mirror is down", Retryable: false), WorkflowState.Halted);
            case "waiting":
                return await EngineStateAsync(_ => new ApplyResult.WaitUntil("recipient not registered: age1qqqq", TimeSpan.FromMinutes(5)), WorkflowState.Waiting);
            case "rebooting":
                return await EngineStateAsync(_ => new ApplyResult.NeedsReboot("autologin takes effect after a reboot"), WorkflowState.AwaitingReboot);
            default:
                // Every optional field holds a value, so each one's type is checked, not only its null.
                var state = StateFileStore.Deserialize(await EngineStateAsync(_ => new ApplyResult.NeedsReboot("profile"), WorkflowState.AwaitingReboot));
                var now = state.UpdatedAt;
                state = state with
                {
                    AgeRecipient = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq",
                    Handoff = new HandoffRecord { AgentLabel = "ai.invotek.rig-deploy", VerifiedAt = now, CleanedUpAt = now },
                    LastProgressAt = now,
                    Workflow = state.Workflow with { Next = "reboot" },
                };
                state = state.WithStep(state.Steps[0] with
                {
                    LastError = "e",
                    NextCheck = now,
                    FinishedAt = now,
                    Facts = state.Steps[0].Facts.Add("healthySince", "x"),
                    Progress = new StepProgress { BytesDone = 1, BytesTotal = 2, BytesPerSecond = 3, UpdatedAt = now }
                });
                return StateFileStore.Serialize(state);
        }
    }

    /// <summary>One engine run of one scripted step, read from disk once the workflow reaches the given state.</summary>
    private static async Task<string> EngineStateAsync(Func<int, ApplyResult> outcome, WorkflowState until)
    {
        using var harness = new EngineHarness();
        harness.Definition = WorkflowDefinition.Create([new ScriptedStep("only", harness.MarkerDirPath) { Outcome = outcome }]);
        using var stop = new CancellationTokenSource();
        var run = harness.RunAsync(cancellationToken: stop.Token);

        // A waiting workflow sleeps on the fake clock, so its run never ends by itself: read the state while it sleeps.
        for (var i = 0; i < 3000 && !run.IsCompleted && harness.Store.Load().State?.Workflow.State != until; i++)
        {
            await Task.Delay(10);
        }

        var json = await File.ReadAllTextAsync(harness.Root.Paths.StatePath);
        await stop.CancelAsync();
        await run.ContinueWith(_ => { }, TaskScheduler.Default);
        StateFileStore.Deserialize(json).Workflow.State.Should().Be(until);
        return json;
    }
}
