using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Run;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Simulation;

/// <summary>
/// age-key and secrets through install and `run` on the simulated Mac, age in process (no age installed needed): a fresh key waits for its
/// recipient to be registered; a key that is a recipient decrypts the SOPS file into a private env file.
/// </summary>
public sealed class SecretsFlowTests
{
    private static string Config(string agentHome) => $$"""
        {
          "agent": { "user": "rig", "home": "{{agentHome}}" },
          "steps": {
            "ageKey": { "path": "{{agentHome}}/.rig/age/key.txt" },
            "secrets": { "source": "/var/db/rig-bootstrap/fleet.sops.yaml", "envFile": "{{agentHome}}/.rig/env" }
          }
        }
        """;

    [Fact]
    public async Task A_host_key_that_is_a_recipient_decrypts_the_secrets_and_the_state_names_the_recipient()
    {
        using var root = new TempHostRoot();
        var host = await InstallAsync(root, registeredKey: true);

        var outcome = await new DaemonRun(host.Services, "test").RunAsync(CancellationToken.None);

        outcome.Should().Be(RunOutcome.Completed);
        var state = new StateFileStore(root.Paths).Load().State!;
        state.AgeRecipient.Should().Be("age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw");
        state.Step("age-key").State.Should().Be(StepState.Skipped, "the key was already there: it is never regenerated");
        var envFile = root.Paths.Resolve("/Users/rig/.rig/env");
        File.ReadAllText(envFile).Should().Contain("test_key=test_value").And.Contain("nested__test__file=");
        File.GetUnixFileMode(envFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        foreach (var file in new[] { root.Paths.StatePath, root.Paths.JournalPath })
        {
            File.ReadAllText(file).Should().NotContain("test_value").And.NotContain("another value");
        }
    }

    [Fact]
    public async Task A_fresh_key_waits_for_its_recipient_and_says_which_one_to_register()
    {
        using var root = new TempHostRoot();
        var host = await InstallAsync(root, registeredKey: false);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // The run sleeps while the step waits; stop it once the wait is persisted.
        var run = new DaemonRun(host.Services, "test").RunAsync(stop.Token);
        while (!stop.IsCancellationRequested && new StateFileStore(root.Paths).Load().State?.Workflow.State != WorkflowState.Waiting)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
        var state = new StateFileStore(root.Paths).Load().State!;
        state.AgeRecipient.Should().StartWith("age1");
        state.Step("secrets").WaitingFor.Should().Be($"recipient not registered: {state.AgeRecipient}");
        state.Workflow.State.Should().Be(WorkflowState.Waiting);
    }

    private static async Task<SimulatedHost> InstallAsync(TempHostRoot root, bool registeredKey)
    {
        var fixtures = Path.Join(AppContext.BaseDirectory, "Fixtures", "sops", "sops-nix");
        var input = Path.Join(root.Paths.RootDirPath, "input");
        var config = Configs.Write(input, Config("/Users/rig"));
        var binary = Path.Join(input, "rig-bootstrap");
        File.WriteAllText(binary, "binary");
        Directory.CreateDirectory(root.Paths.StateDirPath);
        File.Copy(Path.Join(fixtures, "secrets.yaml"), root.Paths.Resolve("/var/db/rig-bootstrap/fleet.sops.yaml"));
        if (registeredKey)
        {
            var keyPath = root.Paths.Resolve("/Users/rig/.rig/age/key.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(keyPath)!);
            File.Copy(Path.Join(fixtures, "age-keys.txt"), keyPath);
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var host = new SimulatedHost(root.Paths, TimeProvider.System, NullLoggerFactory.Instance, ImmutableDictionary<string, string>.Empty);
        await new Installer(host.Services).InstallAsync(config, binary, "test", CancellationToken.None);
        return host;
    }
}
