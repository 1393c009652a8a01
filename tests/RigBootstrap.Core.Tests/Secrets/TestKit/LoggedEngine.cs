using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Secrets.TestKit;

/// <summary>
/// The engine on a real temporary host root, as launchd runs it (each run loads the state file), with every log
/// line recorded so a test can search them; a run can be cut off the way a reboot cuts it off.
/// </summary>
public sealed class LoggedEngine : IDisposable
{
    /// <summary>The steps are built for the engine's host root.</summary>
    public LoggedEngine(Func<HostPaths, IEnumerable<IStep>> steps) => Definition = WorkflowDefinition.Create(steps(Root.Paths));

    public TempHostRoot Root { get; } = new();

    public RecordingLogger Logger { get; } = new();

    public FakeBootIdentity Boot { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public WorkflowDefinition Definition { get; }

    public StateFile State => new StateFileStore(Root.Paths).Load().State!;

    /// <summary>
    /// One process lifetime, with the fake clock advancing while the engine sleeps. Stops the run (like a power cut)
    /// once <paramref name="stopWhen"/> holds for the persisted state; null when it was stopped.
    /// </summary>
    public async Task<RunOutcome?> RunAsync(Func<StateFile, bool>? stopWhen = null)
    {
        using var cut = new CancellationTokenSource();
        var run = StartAsync(cut.Token);
        for (var i = 0; i < 20_000 && !run.IsCompleted; i++)
        {
            await Task.Delay(1);
            if (stopWhen is not null && new StateFileStore(Root.Paths).Load().State is { } state && stopWhen(state))
            {
                await cut.CancelAsync();
                break;
            }

            Time.Advance(TimeSpan.FromSeconds(1));
        }

        try
        {
            return await run;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => Root.Dispose();

    private async Task<RunOutcome> StartAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var options = new EngineOptions { Label = "com.rig.bootstrap", Version = "test" };
        var store = new StateFileStore(Root.Paths);
        var state = store.Load().State ?? InitialState.Create(Definition, options, Boot.Current, Time.GetUtcNow());
        var session = new StateSession(state, store, new JournalWriter(Root.Paths), new NoPersistencePointObserver(), Time, Logger);
        var cleanup = new HandoffCleanup(Root.Paths, new RecordingLaunchd(), options.Label, Root.Paths.LaunchDaemonPlistPath(options.Label), Logger);
        var engine = new WorkflowEngine(Definition, options, new FakePower(), cleanup, Time, Logger);
        return await engine.RunAsync(session, Boot.Current, 4242, cancellationToken);
    }
}
