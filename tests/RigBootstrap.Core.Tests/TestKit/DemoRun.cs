using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>Runs the demo as `rig-bootstrap demo` does, in-process: scenario, simulated Mac, operator, rehearsal.</summary>
public static class DemoRun
{
    public static async Task<(StateFile Final, SimulatedHost Host)> RunAsync(TempHostRoot root, TextWriter output)
    {
        var time = new AcceleratedTimeProvider(60);
        var scenario = await DemoScenario.PrepareAsync(root.Paths, new ProcessRunner(time), time, CancellationToken.None);
        var config = ConfigLoader.LoadFile(scenario.ConfigPath);
        var binary = Path.Join(root.Paths.RootDirPath, "srv", "rig-bootstrap");
        await File.WriteAllTextAsync(binary, "binary");
        var host = new SimulatedHost(root.Paths, time, NullLoggerFactory.Instance, config.Tools, SimulatedMacProfile.For(config));
        var @operator = new SimulatedOperator(host, config, scenario, output);
        var final = await new Rehearsal(host, output, "test").RunAsync(scenario.ConfigPath, binary, @operator, CancellationToken.None);
        return (final, host);
    }
}
