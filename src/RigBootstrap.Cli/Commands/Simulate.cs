using RigBootstrap.Cli.Logging;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;

namespace RigBootstrap.Cli.Commands;

/// <summary>What `demo` and `rehearse` share: a simulated Mac shaped by the config, an operator beside it, the rehearsal.</summary>
public static class Simulate
{
    public static async Task<StateFile> RunAsync(HostPaths paths, TimeProvider time, string configPath, DemoScenario? scenario, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.LoadFile(configPath);
        using var logging = LoggingSetup.Create(paths, toFile: true, toConsole: true);
        // What the simulation does not model (age, git, sqlite3) runs for real: the config's paths first, else where they are found.
        var tools = DemoTools.Find().Paths.SetItems(config.Tools);
        var host = new SimulatedHost(paths, time, logging, tools, SimulatedMacProfile.For(config));
        var binary = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell where this binary is.");
        var @operator = new SimulatedOperator(host, config, scenario, Console.Out);
        return await new Rehearsal(host, Console.Out, AppVersion.Current).RunAsync(configPath, binary, @operator, cancellationToken);
    }
}
