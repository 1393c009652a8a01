using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Run;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Status;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Simulation;

/// <summary>
/// Runs a config on a simulated Mac from `install` to the end, the way launchd would: a run at every boot that
/// loads our daemon, a power cycle whenever a reboot is requested. Used by `demo` and `rehearse`.
/// </summary>
public sealed class Rehearsal
{
    public const int MaxBoots = 10;

    private readonly SimulatedHost _host;
    private readonly TextWriter _output;
    private readonly string _version;

    public Rehearsal(SimulatedHost host, TextWriter output, string version)
    {
        _host = host;
        _output = output;
        _version = version;
    }

    public async Task<StateFile> RunAsync(string configPath, string binaryPath, CancellationToken cancellationToken)
    {
        var paths = _host.Services.Paths;
        var install = await new Installer(_host.Services).InstallAsync(configPath, binaryPath, _version, cancellationToken);
        _output.WriteLine($"install: {install.Message}");
        var label = new StateFileStore(paths).Load().State!.Label;
        for (var boot = 1; boot <= MaxBoots; boot++)
        {
            _output.WriteLine($"--- boot {_host.Mac.BootNumber} ({_host.Mac.ReadBootId()}): launchd starts {label} ---");
            var outcome = await new DaemonRun(_host.Services, _version).RunAsync(cancellationToken);
            _output.WriteLine($"run ended: {outcome}");
            if (outcome is not (RunOutcome.RebootRequested or RunOutcome.AwaitingManualReboot))
            {
                break;
            }

            var loaded = await _host.PowerCycle.RebootAsync(cancellationToken);
            _output.WriteLine($"*** reboot: the simulated Mac restarted; launchd loaded {string.Join(", ", loaded)} ***");
            if (!loaded.Contains(label))
            {
                break;
            }
        }

        var final = new StateFileStore(paths).Load().State!;
        _output.WriteLine();
        _output.Write(StatusRenderer.Render(final, _host.Services.Time.GetUtcNow()));
        return final;
    }
}
