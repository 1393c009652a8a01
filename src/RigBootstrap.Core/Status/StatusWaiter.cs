using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.State;

namespace RigBootstrap.Core.Status;

/// <summary>
/// `status --wait`: polls state.json until the workflow is Completed or Halted. It never hangs on a dead daemon
/// (cloud-init #3960, #4059): before every wait it asks the service manager whether our label is loaded, and
/// fails fast when it is not while the workflow is still unfinished.
/// </summary>
public sealed class StatusWaiter
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    private readonly HostPaths _paths;
    private readonly StateFileStore _store;
    private readonly IServiceManager _serviceManager;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;

    public StatusWaiter(HostPaths paths, IServiceManager serviceManager, TimeProvider time, TimeSpan? pollInterval = null)
    {
        _paths = paths;
        _store = new StateFileStore(paths);
        _serviceManager = serviceManager;
        _time = time;
        _pollInterval = pollInterval ?? DefaultPollInterval;
    }

    public async Task<WaitResult> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            if (_store.Load().State is not { } state)
            {
                return new WaitResult { Outcome = WaitOutcome.NotInstalled, Message = $"no state at {_paths.StatePath}; rig-bootstrap is not installed on this host" };
            }

            if (Final(state) is { } final)
            {
                return final;
            }

            if (await _serviceManager.GetStatusAsync(state.Label, cancellationToken) is null)
            {
                // Handoff persists Completed and only then boots the daemon out (docs/invariants.md I8): read once more before blaming it.
                var again = _store.Load().State ?? state;
                return Final(again) ?? NotLoaded(again);
            }

            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return new WaitResult
                {
                    Outcome = WaitOutcome.TimedOut,
                    State = state,
                    Message = $"timed out after {timeout:c}; the workflow is still {state.Workflow.State}: {state.Workflow.Reason}",
                };
            }

            await Task.Delay(left < _pollInterval ? left : _pollInterval, _time, cancellationToken);
        }
    }

    private static WaitResult? Final(StateFile state) => state.Workflow.State switch
    {
        WorkflowState.Completed => new WaitResult { Outcome = WaitOutcome.Completed, State = state, Message = state.Workflow.Reason },
        WorkflowState.Halted => new WaitResult { Outcome = WaitOutcome.Halted, State = state, Message = $"halted: {state.Workflow.Reason}" },
        _ => null,
    };

    private WaitResult NotLoaded(StateFile state) => new()
    {
        Outcome = WaitOutcome.DaemonNotLoaded,
        State = state,
        Message = $"the daemon {state.Label} is not loaded, so nothing moves the workflow on (it is {state.Workflow.State}: {state.Workflow.Reason}); " +
            $"load it with `launchctl bootstrap system {_paths.LaunchDaemonPlistPath(state.Label)}`, or run `rig-bootstrap install --config FILE` again",
    };
}
