using RigBootstrap.Cli.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// The full bootstrap under the boot harness with faults: a SIGKILL after every persistence point N in turn, power
/// cuts at seeded random times, and a state file torn at a random byte before a boot. Every run must converge with
/// no side effect done twice.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class FaultInjectionTests(PublishedBinary binary, ITestOutputHelper output)
{
    private const int RandomKills = 20;
    private const int Seed = 20261125;
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(90);

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task Killed_after_every_persistence_point_in_turn_the_bootstrap_converges_with_each_side_effect_once()
    {
        var boots = 0;
        var reboots = 0;
        var repeated = 0;
        var spawnFailures = 0;
        for (var crashAfter = 1; crashAfter < 200; crashAfter++)
        {
            // Arrange
            using var host = new TempHost();
            using var harness = new BootHarness(host) { CrashAfter = crashAfter };
            await InstallAsync(host);

            // Act
            await harness.PowerOnAsync();
            var settled = await harness.RunAsync(SettleLimit);

            // Assert
            settled.Should().BeTrue($"crash point {crashAfter} settles");
            ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, $"crash point {crashAfter} converges");
            var outcome = ScenarioOutcome.Read(host);
            outcome.SideEffectsRepeated.Should().Be(0, $"crash point {crashAfter} repeats no side effect");
            boots += harness.Boots;
            reboots += harness.Reboots;
            repeated += outcome.SideEffectsRepeated;
            spawnFailures += harness.SpawnFailures;
            if (CrashCounter.Read(host) < crashAfter)
            {
                // The run needed fewer than N persistence points: every earlier point has been tried.
                output.WriteLine($"RELIABILITY crash-points tried={crashAfter - 1} boots={boots} reboots={reboots} repeated={repeated} spawn-failures={spawnFailures}");
                (crashAfter - 1).Should().BeGreaterThan(5);
                return;
            }
        }

        Assert.Fail("the run never got through without a crash: the crash-point loop never reached its end");
    }

    [Fact]
    public async Task A_power_cut_at_a_random_time_never_stops_the_bootstrap_from_converging()
    {
        var random = new Random(Seed);
        var boots = 0;
        var reboots = 0;
        var repeated = 0;
        for (var trial = 0; trial < RandomKills; trial++)
        {
            // Arrange
            var cutAfter = TimeSpan.FromMilliseconds(random.Next(0, 2500));
            using var host = new TempHost();
            using var harness = new BootHarness(host);
            await InstallAsync(host);

            // Act
            await harness.PowerOnAsync();
            var settled = await harness.RunAsync(SettleLimit, powerCutAfter: cutAfter);

            // Assert
            var because = $"power cut {trial} at {cutAfter.TotalMilliseconds} ms (seed {Seed})";
            settled.Should().BeTrue(because);
            ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, because);
            ScenarioOutcome.Read(host).SideEffectsRepeated.Should().Be(0, because);
            boots += harness.Boots;
            reboots += harness.Reboots;
            repeated += ScenarioOutcome.Read(host).SideEffectsRepeated;
        }

        output.WriteLine($"RELIABILITY random-kills tried={RandomKills} seed={Seed} boots={boots} reboots={reboots} repeated={repeated}");
    }

    [Fact]
    public async Task A_state_file_torn_before_a_boot_is_recovered_from_its_previous_copy_and_the_bootstrap_converges()
    {
        // Arrange
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        await InstallAsync(host);
        var random = new Random(Seed);
        var cutAt = 0;
        harness.BeforeNextBoot = () =>
        {
            var bytes = File.ReadAllBytes(host.StatePath);
            cutAt = random.Next(1, bytes.Length - 2);
            File.WriteAllBytes(host.StatePath, bytes[..cutAt]);
        };

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        settled.Should().BeTrue();
        File.ReadLines(host.JournalPath).Should().Contain(line => line.Contains("\"kind\":\"recovered\"", StringComparison.Ordinal),
            $"the state file cut at byte {cutAt} is recovered, never silently restarted (docs/invariants.md I1)");
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, $"torn at byte {cutAt}");
        ScenarioOutcome.Read(host).SideEffectsRepeated.Should().Be(0);
        output.WriteLine($"RELIABILITY torn-write cut-at={cutAt} boots={harness.Boots} reboots={harness.Reboots} repeated={ScenarioOutcome.Read(host).SideEffectsRepeated}");
    }

    private async Task InstallAsync(TempHost host)
    {
        host.WriteFile("agent.plist", ReliabilityConfigs.AgentPlist);
        var config = host.WriteFile("config.json", ReliabilityConfigs.FullBootstrap);
        var install = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
    }
}
