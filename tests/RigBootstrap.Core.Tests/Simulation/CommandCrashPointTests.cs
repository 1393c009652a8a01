using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Run;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;
using Xunit.Abstractions;

namespace RigBootstrap.Core.Tests.Simulation;

/// <summary>
/// Real command steps (real /bin/sh processes) on the simulated Mac, killed after every persistence point in turn:
/// each scenario converges to Completed and each command's side effect (a line appended to a file) happens once.
/// </summary>
public sealed class CommandCrashPointTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Command_steps_killed_after_any_persistence_point_converge_and_never_run_twice()
    {
        var tried = 0;
        for (var crashAfter = 1; crashAfter < 100; crashAfter++)
        {
            using var root = new TempHostRoot();
            var config = Configs.Write(Path.Join(root.Paths.RootDirPath, "input"), Configs.TwoCommands);
            var binary = Path.Join(root.Paths.RootDirPath, "input", "rig-bootstrap");
            File.WriteAllText(binary, "binary");
            var host = new SimulatedHost(root.Paths, TimeProvider.System, NullLoggerFactory.Instance);
            await new Installer(host.Services).InstallAsync(config, binary, "test", CancellationToken.None);

            var observer = new CrashAtPersistencePoint(crashAfter);
            var crashed = await RunBootsAsync(host, host.Services with { PersistenceObserver = observer });
            if (!crashed)
            {
                output.WriteLine($"{tried} crash points tried, each converged with every command run exactly once");
                tried.Should().BeGreaterThan(8);
                return;
            }

            tried++;
            (await RunBootsAsync(host, host.Services)).Should().BeFalse();

            var state = new StateFileStore(root.Paths).Load().State!;
            state.Workflow.State.Should().Be(WorkflowState.Completed, $"crash point {crashAfter}");
            File.ReadAllLines(Path.Join(root.Paths.RootDirPath, "tmp", "one.count")).Should().HaveCount(1, $"crash point {crashAfter}");
            File.ReadAllLines(Path.Join(root.Paths.RootDirPath, "tmp", "two.count")).Should().HaveCount(1, $"crash point {crashAfter}");
        }

        Assert.Fail("every run crashed: the crash loop never ended");
    }

    /// <summary>Boots until the workflow settles; true when the injected crash fired (the "process" died).</summary>
    private static async Task<bool> RunBootsAsync(SimulatedHost host, HostServices services)
    {
        for (var boot = 0; boot < 5; boot++)
        {
            RunOutcome outcome;
            try
            {
                outcome = await new DaemonRun(services, "test").RunAsync(CancellationToken.None);
            }
            catch (PersistencePointCrashException)
            {
                return true;
            }

            if (outcome != RunOutcome.RebootRequested)
            {
                return false;
            }

            await host.PowerCycle.RebootAsync(CancellationToken.None);
        }

        return false;
    }
}
