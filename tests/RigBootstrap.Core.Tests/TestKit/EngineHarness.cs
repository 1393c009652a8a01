using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>
/// Runs the engine the way launchd runs the binary: each RunAsync is a new "process" that loads the state file
/// from disk, on a real temporary host root, with a fake boot id, power and launchd.
/// </summary>
public sealed class EngineHarness : IDisposable
{
    private readonly TempHostRoot _root = new();

    public EngineHarness(params IStep[] steps)
    {
        Definition = WorkflowDefinition.Create(steps);
        Options = new EngineOptions { Label = "com.rig.bootstrap", Version = "test" };
    }

    public TempHostRoot Root => _root;

    public WorkflowDefinition Definition { get; set; }

    public EngineOptions Options { get; set; }

    public FakeBootIdentity Boot { get; } = new();

    public FakePower Power { get; } = new();

    public RecordingLaunchd Launchd { get; } = new();

    public TimerWatchingTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    /// <summary>What runs between `Completed` and the cleanup (event delivery, in the daemon).</summary>
    public Func<StateFile, CancellationToken, Task<string?>>? BeforeCleanup { get; set; }

    public StateFileStore Store => new(_root.Paths);

    public StateFile State => Store.Load().State!;

    public IReadOnlyList<JournalEntry> Journal => new JournalReader(_root.Paths).ReadAll();

    public string MarkerDirPath => Path.Join(_root.Paths.RootDirPath, "markers");

    /// <summary>One process lifetime; a crash observer may end it early with PersistencePointCrashException.</summary>
    public async Task<RunOutcome> RunAsync(IPersistencePointObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var loaded = Store.Load();
        var state = loaded.State ?? InitialState.Create(Definition, Options, Boot.Current, Time.GetUtcNow());
        var logger = NullLogger.Instance;
        var session = new StateSession(state, Store, new JournalWriter(_root.Paths), observer ?? new NoPersistencePointObserver(), Time, logger);
        var cleanup = new HandoffCleanup(_root.Paths, Launchd, Options.Label, _root.Paths.LaunchDaemonPlistPath(Options.Label), logger, BeforeCleanup);
        var engine = new WorkflowEngine(Definition, Options, Power, cleanup, Time, logger);
        return await engine.RunAsync(session, Boot.Current, 4242, cancellationToken);
    }

    /// <summary>Runs until the workflow settles, rebooting when asked and advancing time while steps wait.</summary>
    public async Task<RunOutcome> RunToEndAsync(int maxRuns = 20)
    {
        var outcome = RunOutcome.Halted;
        for (var i = 0; i < maxRuns; i++)
        {
            outcome = await RunWithTimeAsync();
            if (outcome != RunOutcome.RebootRequested)
            {
                return outcome;
            }

            Boot.Reboot();
        }

        return outcome;
    }

    /// <summary>Runs one process, advancing the fake clock whenever the engine sleeps.</summary>
    public async Task<RunOutcome> RunWithTimeAsync(IPersistencePointObserver? observer = null)
    {
        var run = RunAsync(observer);
        for (var i = 0; i < 10_000 && !run.IsCompleted; i++)
        {
            await Task.Delay(1);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        return await run;
    }

    public void Dispose() => _root.Dispose();
}
