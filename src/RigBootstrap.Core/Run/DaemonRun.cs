using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Run;

/// <summary>
/// `run`: what launchd starts at load and after every boot. Checks our files (docs/invariants.md I7), takes the lock (docs/invariants.md I4), loads the
/// state (recovering a torn file from .prev, docs/invariants.md I1) and drives the workflow.
/// </summary>
public sealed class DaemonRun
{
    private readonly HostServices _services;
    private readonly string _version;
    private readonly BootstrapConfig? _config;
    private readonly bool _preflightDone;

    /// <summary><paramref name="config"/> is the installed config when the caller has already read it (it is read once per run).</summary>
    /// <param name="preflightDone">True when the caller ran <see cref="Preflight"/> on that config already (it is run once per run).</param>
    public DaemonRun(HostServices services, string version, BootstrapConfig? config = null, bool preflightDone = false)
    {
        _services = services;
        _version = version;
        _config = config;
        _preflightDone = preflightDone && config is not null;
    }

    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var paths = _services.Paths;
        var config = _config ?? ConfigLoader.LoadFile(paths.ConfigPath);
        if (!_preflightDone)
        {
            Preflight(paths, config);
        }

        var definition = WorkflowFactory.Build(config, _services);
        var options = WorkflowFactory.Options(config, _version);
        using var runLock = await ExclusiveFileLock.TryAcquireAsync(paths.LockPath, TimeSpan.FromSeconds(5), _services.Time, cancellationToken)
            ?? throw new LockBusyException($"another rig-bootstrap run holds {paths.LockPath}; nothing was changed");

        var logger = _services.LoggerFactory.CreateLogger("rig-bootstrap");
        var bootId = await _services.BootIdentity.GetBootIdAsync(cancellationToken);
        var session = OpenSession(definition, options, bootId, logger);
        var definitionPath = ServiceDefinitionFile.PathFor(config.Platform, paths, config.Label);
        var cleanup = new HandoffCleanup(paths, _services.ServiceManager, config.Label, definitionPath, logger, _services.BeforeCleanupAsync);
        var engine = new WorkflowEngine(definition, options, _services.Power, cleanup, _services.Time, logger);
        try
        {
            return await engine.RunAsync(session, bootId, Environment.ProcessId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the service manager (docs/adr/0006-generic-host.md): the step in progress stays Running and is
            // probed again by the next run, and this run ended cleanly, so it does not count toward daemon.maxCrashesPerBoot.
            new StateChange(session).Update(s => s with { Run = s.Run is { } run ? run with { Active = false } : null }).Note("run-ended", "Stopped").Commit();
            throw;
        }
    }

    /// <summary>
    /// What a run checks before it touches anything, the event outbox and the lock file included: our files' modes and
    /// links (docs/invariants.md I7), then a state file that can be trusted (docs/invariants.md I9) and not lost (docs/invariants.md I1). Throws the refusal; the caller has changed nothing yet.
    /// </summary>
    public static void Preflight(HostPaths paths, BootstrapConfig config)
    {
        var problems = FileHygiene.Problems(paths, ServiceDefinitionFile.PathFor(config.Platform, paths, config.Label));
        if (problems.Count > 0)
        {
            throw new PermissionProblemException(string.Join(Environment.NewLine, problems));
        }

        RefuseLostState(paths, new StateFileStore(paths).Load().State);
    }

    // No state but a journal means the state was lost, not that we never ran: never silently start over (docs/invariants.md I1).
    private static void RefuseLostState(HostPaths paths, StateFile? state)
    {
        if (state is null && new JournalReader(paths).ReadAll().Length > 0)
        {
            throw new StateFileCorruptException(
                $"{paths.StatePath} and its previous copy are missing but {paths.JournalPath} shows earlier runs. " +
                "Nothing was changed. Run `rig-bootstrap reset --all` to start over (the age key and the journal are kept).");
        }
    }

    private StateSession OpenSession(WorkflowDefinition definition, EngineOptions options, string bootId, ILogger logger)
    {
        var paths = _services.Paths;
        var store = new StateFileStore(paths);
        var journal = new JournalWriter(paths);
        var loaded = store.Load();
        var state = loaded.State;
        if (state is null)
        {
            RefuseLostState(paths, state);
            state = InitialState.Create(definition, options, bootId, _services.Time.GetUtcNow());
        }

        var session = new StateSession(state, store, journal, _services.PersistenceObserver, _services.Time, logger, _services.JournalListeners);
        if (loaded.WasRecovered)
        {
            new StateChange(session).Note("recovered", loaded.RecoveredBecause!).Commit();
        }

        return session;
    }
}
