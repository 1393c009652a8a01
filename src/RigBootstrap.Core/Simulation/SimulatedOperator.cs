using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Steps;

namespace RigBootstrap.Core.Simulation;

/// <summary>
/// The people and the MDM around a simulated Mac: they watch its state and do what only they can — register the
/// host's age recipient (when the demo holds the fleet's secrets), install the PPPC profile that grants TCC, and, when
/// os-upgrade waits in mdm mode with nothing else left to do in the boot, enforce the macOS update and restart the
/// host (<see cref="MdmRestart"/>), as a declaration whose TargetLocalDateTime falls after the first boot's work would.
/// What no one here can do ends the rehearsal, with the reason in <see cref="Blocked"/>.
/// </summary>
public sealed class SimulatedOperator
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly SimulatedHost _host;
    private readonly BootstrapConfig _config;
    private readonly DemoScenario? _scenario;
    private readonly TextWriter _output;
    private readonly TaskCompletionSource<string> _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _mdmRestart = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _registered;
    private bool _granted;
    private bool _upgraded;

    public SimulatedOperator(SimulatedHost host, BootstrapConfig config, DemoScenario? scenario, TextWriter output)
    {
        _host = host;
        _config = config;
        _scenario = scenario;
        _output = output;
    }

    /// <summary>Completes with a reason when the host waits for something only a real person can do.</summary>
    public Task<string> Blocked => _blocked.Task;

    /// <summary>Completes when the MDM has staged the macOS update and restarts the host (once per rehearsal).</summary>
    public Task MdmRestart => _mdmRestart.Task;

    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (TryReadState() is { } state)
            {
                await ActAsync(state, cancellationToken);
            }

            await Task.Delay(PollInterval, TimeProvider.System, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ActAsync(StateFile state, CancellationToken cancellationToken)
    {
        var secrets = state.Steps.FirstOrDefault(s => s.Id == BuiltInStepIds.Secrets);
        if (secrets?.State == StepState.Waiting && state.AgeRecipient is { } recipient && _registered != recipient)
        {
            if (_scenario is null)
            {
                // Stop only once the run has settled into its wait (the workflow line written too), so the end state says so.
                if (state.Workflow.State != WorkflowState.Waiting)
                {
                    return;
                }

                _blocked.TrySetResult($"secrets waits for its recipient: register {recipient} in the fleet's SOPS file (sops updatekeys); a real host continues from there");
                return;
            }

            await _scenario.RegisterRecipientAsync(recipient, _host.Services.Time, cancellationToken);
            _registered = recipient;
            _output.WriteLine($">>> operator: registered {recipient} as a recipient of the fleet's SOPS file (sops updatekeys)");
        }

        var upgrade = state.Steps.FirstOrDefault(s => s.Id == BuiltInStepIds.OsUpgrade);
        if (!_upgraded && upgrade?.State == StepState.Waiting && upgrade.Facts.GetValueOrDefault(OsUpgradeStep.ModeFact) != nameof(OsUpgradeMode.SoftwareUpdate)
            && upgrade.Facts.ContainsKey(OsUpgradeStep.MdmWaitSinceFact) && state.Workflow.State == WorkflowState.Waiting
            && _config.Steps.OsUpgrade is { } osUpgrade && MacOsVersion.TryParse(osUpgrade.MinimumVersion, out var minimum) && minimum is not null)
        {
            _upgraded = true;
            _host.SoftwareUpdate.StageByMdm(minimum);
            _output.WriteLine($">>> MDM: software-update enforcement reached its TargetLocalDateTime: macOS {minimum} staged, restarting the host");
            _mdmRestart.TrySetResult();
        }

        var tcc = state.Steps.FirstOrDefault(s => s.Id == BuiltInStepIds.Tcc);
        if (tcc?.State == StepState.Waiting && !_granted && _config.Steps.Tcc is { } grants)
        {
            var byMdm = grants.Grants.Where(g => g.Approval == TccApproval.Mdm).ToImmutableArray();
            if (!byMdm.IsEmpty)
            {
                await _host.Mdm.InstallPppcProfileAsync(byMdm, cancellationToken);
                _output.WriteLine($">>> MDM: installed the PPPC profile granting {string.Join(", ", byMdm.Select(g => g.Describe()))} (tccd records it in MDMOverrides.plist)");
            }

            foreach (var grant in grants.Grants.Where(g => g.Approval == TccApproval.Person))
            {
                await _host.Tcc.ApproveAsync(grant.Service, grant.Client, cancellationToken);
                _output.WriteLine($">>> person at the Mac: switched on {grant.Service} for {grant.Client} in {PppcServices.SettingsPane(grant.Service)}");
            }

            _granted = true;
        }
    }

    private StateFile? TryReadState()
    {
        try
        {
            return new StateFileStore(_host.Services.Paths).Load().State;
        }
        catch (Exception ex) when (ex is IOException or StateFileCorruptException)
        {
            // Read between two atomic renames, or before install: look again at the next poll.
            return null;
        }
    }
}
