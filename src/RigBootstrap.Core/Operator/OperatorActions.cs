using RigBootstrap.Core.Config;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Operator;

/// <summary>
/// `retry` and `reset`: an operator's way out of Halted. Each takes the run lock, changes the state in one
/// persistence point, journals who did what, and asks launchd to start the daemon again.
/// </summary>
public sealed class OperatorActions
{
    private readonly HostServices _services;
    private readonly string _version;

    public OperatorActions(HostServices services, string version)
    {
        _services = services;
        _version = version;
    }

    /// <summary>Retries one step: its attempts and reboot counters start again, and a halted workflow runs again.</summary>
    public Task<string> RetryAsync(string stepId, CancellationToken cancellationToken) =>
        ChangeAsync(stepId, "retry", (change, now) => change
            .Step(stepId, StepTrigger.Reset, "retry requested by an operator", r => r with
            {
                Attempts = 0,
                Reboots = 0,
                NextCheck = null,
                WaitingFor = null,
            })
            .Update(s => s with { Boots = s.Boots with { WithoutProgress = 0, CrashesThisBoot = 0, RebootsRequested = 0 }, Reboot = null }),
            cancellationToken);

    /// <summary>Forgets what one step did: it runs again from its probe, with its facts cleared.</summary>
    public Task<string> ResetStepAsync(string stepId, CancellationToken cancellationToken) =>
        ChangeAsync(stepId, "reset", (change, now) => change
            .Step(stepId, StepTrigger.Reset, "reset by an operator", r => r with
            {
                Attempts = 0,
                Reboots = 0,
                NextCheck = null,
                WaitingFor = null,
                LastError = null,
                Facts = r.Facts.Clear(),
            }),
            cancellationToken);

    /// <summary>Starts the whole workflow over from a fresh state file; the journal is kept as evidence.</summary>
    public async Task<string> ResetAllAsync(CancellationToken cancellationToken)
    {
        var paths = _services.Paths;
        var config = ConfigLoader.LoadFile(paths.ConfigPath);
        var definition = WorkflowFactory.Build(config, _services);
        using var runLock = await AcquireAsync(cancellationToken);
        var bootId = await _services.BootIdentity.GetBootIdAsync(cancellationToken);
        var store = new StateFileStore(paths);
        var before = PreviousWorkflowState(store);
        var state = InitialState.Create(definition, WorkflowFactory.Options(config, _version), bootId, _services.Time.GetUtcNow());
        store.Save(state);
        var journal = new JournalWriter(paths);
        // A workflow move like any other, so the event receiver hears of it (the journal is the outbox, docs/events.md).
        journal.Append(new JournalEntry
        {
            Time = state.UpdatedAt,
            BootId = bootId,
            Kind = "workflow",
            From = before,
            To = state.Workflow.State.ToString(),
            Reason = "reset --all by an operator: the workflow starts over",
        });
        journal.Append(new JournalEntry { Time = state.UpdatedAt, BootId = bootId, Kind = "operator", Reason = "reset --all: the workflow starts over" });
        await RestartAsync(config.Label, cancellationToken);
        return "every step is Pending again; the daemon was asked to start";
    }

    private async Task<string> ChangeAsync(string stepId, string verb, Func<StateChange, DateTimeOffset, StateChange> apply, CancellationToken cancellationToken)
    {
        var paths = _services.Paths;
        var config = ConfigLoader.LoadFile(paths.ConfigPath);
        using var runLock = await AcquireAsync(cancellationToken);
        var state = new StateFileStore(paths).Load().State
            ?? throw new StateFileCorruptException($"{paths.StatePath} does not exist; is rig-bootstrap installed on this host?");
        if (state.Steps.All(s => s.Id != stepId))
        {
            throw new UnknownStepException($"there is no step '{stepId}'; the steps are: {string.Join(", ", state.Steps.Select(s => s.Id))}");
        }

        if (state.Workflow.State == WorkflowState.Completed)
        {
            return $"the workflow is Completed; nothing to {verb}";
        }

        var session = new StateSession(state, new StateFileStore(paths), new JournalWriter(paths), new NoPersistencePointObserver(), _services.Time,
            _services.LoggerFactory.CreateLogger("rig-bootstrap"));
        var change = apply(new StateChange(session), session.Now);
        change.WorkflowIfPossible(WorkflowTrigger.Retry, $"{verb} {stepId} by an operator", $"run {stepId} again").Note("operator", $"{verb} {stepId}", stepId).Commit();
        await RestartAsync(config.Label, cancellationToken);
        return $"{stepId} is Pending again; the workflow is {session.Current.Workflow.State}";
    }

    /// <summary>Where the workflow was before `reset --all`; "Unknown" when the state file is what was lost (reset --all is its remedy).</summary>
    private static string PreviousWorkflowState(StateFileStore store)
    {
        try
        {
            return store.Load().State?.Workflow.State.ToString() ?? "Unknown";
        }
        catch (StateFileCorruptException)
        {
            return "Unknown";
        }
    }

    private async Task<ExclusiveFileLock> AcquireAsync(CancellationToken cancellationToken) =>
        await ExclusiveFileLock.TryAcquireAsync(_services.Paths.LockPath, TimeSpan.FromSeconds(5), _services.Time, cancellationToken)
        ?? throw new LockBusyException(
            "the daemon is running and holds the lock; a step can be retried only while the workflow is halted or waiting for a reboot. " +
            "After Completed with events.url set, the daemon holds it while it delivers the last events (up to events.deliverFor; " +
            "`rig-bootstrap status` says so): `rig-bootstrap uninstall` stops it first if you must start over now");

    private async Task RestartAsync(string label, CancellationToken cancellationToken)
    {
        if (await _services.ServiceManager.GetStatusAsync(label, cancellationToken) is not null)
        {
            await _services.ServiceManager.RestartAsync(label, cancellationToken);
        }
    }
}
