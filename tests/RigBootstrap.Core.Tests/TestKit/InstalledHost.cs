using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Journal;
using RigBootstrap.Core.Run;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>
/// A simulated Mac on a real temporary host root with rig-bootstrap installed from a config, as `install` leaves
/// it: binary, config, state, plist, and our daemon loaded in the simulated launchd.
/// </summary>
public sealed class InstalledHost : IDisposable
{
    public const string Label = "com.rig.bootstrap";

    private readonly string _inputDirPath = Directory.CreateTempSubdirectory("rig-input-").FullName;

    private InstalledHost() => Host = new SimulatedHost(Root.Paths, TimeProvider.System, NullLoggerFactory.Instance);

    public TempHostRoot Root { get; } = new();

    public SimulatedHost Host { get; }

    public HostServices Services => Host.Services;

    public StateFile State => new StateFileStore(Root.Paths).Load().State!;

    public IReadOnlyList<JournalEntry> Journal => new JournalReader(Root.Paths).ReadAll();

    public static async Task<InstalledHost> InstallAsync(string configJson)
    {
        var installed = new InstalledHost();
        var binaryPath = Path.Join(installed._inputDirPath, "rig-bootstrap");
        await File.WriteAllTextAsync(binaryPath, "#!/bin/sh\n");
        var configPath = Configs.Write(installed._inputDirPath, configJson);
        await new Installer(installed.Services).InstallAsync(configPath, binaryPath, "test", CancellationToken.None);
        return installed;
    }

    /// <summary>One `run` as launchd would start it.</summary>
    public Task<RunOutcome> RunAsync(HostServices? services = null) =>
        new DaemonRun(services ?? Services, "test").RunAsync(CancellationToken.None);

    /// <summary>
    /// Every file under the root with its bytes, to prove that nothing changed. Lock files are left out: they hold
    /// no content, taking a lock creates one, and a held one cannot be read.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot() =>
        Root.Files().Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).ToDictionary(f => f, f => File.ReadAllBytes(Path.Join(Root.Paths.RootDirPath, f)));

    public void Dispose()
    {
        Root.Dispose();
        Directory.Delete(_inputDirPath, recursive: true);
    }
}
