using System.Text;
using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;
using RigBootstrap.Core.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// Every built-in macOS step of docs/design.md §4, run by the published binary under the boot harness, against the fake
/// macOS tools (FakeTools/) and the real git and sqlite3 (age runs in process), with the fleet's real SOPS file, from a
/// Mac that has neither the Command Line Tools nor Homebrew.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class MacWorkflowTests(PublishedBinary binary, ITestOutputHelper output)
{
    private const int RandomPowerCuts = 12;
    private const string CommandLineToolsMarker = ".com.apple.dt.CommandLineTools.installondemand.in-progress";
    private const int Seed = 20261125;
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(120);

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Theory]
    [InlineData(MacUpgradeMode.Mdm)]
    [InlineData(MacUpgradeMode.SoftwareUpdate)]
    public async Task A_fresh_Apple_Silicon_Mac_whose_recipient_is_registered_after_two_boots_completes_with_one_reboot_for_the_os_upgrade_and_autologin(MacUpgradeMode upgrade)
    {
        // Arrange
        await using var mirror = new RangeServer(MacFleet.XcodeArchive.Bytes);
        using var host = new TempHost();
        var fleet = await MacFleet.PrepareAsync(host, upgrade, mirror.Url);
        using var harness = new BootHarness(host);

        // Act
        var (mac, fleetOperator) = await StartAsync(host, fleet, harness, registerAtBoot: 2);
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        var status = await _cli.RunAsync(["status", .. host.HostArguments]);
        settled.Should().BeTrue(status.Describe());
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, status.Describe());
        fleetOperator.BootsWaitingForRecipient.Should().Equal([1, 2], "the recipient was missing for two boots and registered in the second");
        fleet.SideEffects().Should().OnlyContain(e => e.Count == 1, "each non-idempotent change happens exactly once");
        var installs = host.ToolCalls("softwareupdate").Where(c => c.StartsWith("--install", StringComparison.Ordinal)).ToList();
        if (upgrade == MacUpgradeMode.Mdm)
        {
            installs.Should().Equal(["--install Command Line Tools for Xcode-16.4"],
                "in mdm mode rig-bootstrap never installs macOS; the Command Line Tools are the newest of the two labels offered, the label as one argument");
            fleet.Mdm.RestartsMade.Should().Be(1, "the MDM upgraded and restarted the host once, when it waited for nothing else");
        }
        else
        {
            installs.Should().Equal(
                ["--install macOS Sequoia 15.1-24B83 --agree-to-license --restart --user rig --stdinpass", "--install Command Line Tools for Xcode-16.4"],
                "on Apple Silicon the volume owner is named in the arguments and its password goes on stdin; the Command Line Tools come after the OS upgrade");
            host.ToolCalls("diskutil").Should().Equal("apfs listUsers /");
            fleet.Mdm.RestartsMade.Should().Be(0);
        }

        File.Exists(Path.Join(host.RootDirPath, "tmp", CommandLineToolsMarker)).Should().BeFalse("the on-demand marker is removed after the install");
        host.ToolCalls("git").Should().BeEmpty("the /usr/bin/git shim is never run: git is the developer directory's");
        host.ToolCalls("developer-git").Should().Contain(c => c.StartsWith("clone ", StringComparison.Ordinal));
        Directory.Exists(Path.Join(host.RootDirPath, "opt", "homebrew")).Should().BeFalse("nothing needs Homebrew");
        host.ShutdownCalls().Should().BeEmpty("the upgrade's restart (softwareupdate's own or the MDM's) also served autologin: one coalesced reboot");
        ToolLogsHolding(host, MacFleet.SecretValue).Should().BeEmpty("no argument list or call log carries the password (docs/invariants.md I6)");
        mac.UpdatesApplied.Should().Be(1);
        mac.ConsoleUser.Should().Be(MacFleet.AgentUser, "loginwindow found the agent's password in /etc/kcpassword");
        harness.Reboots.Should().Be(3, "two operator restarts while secrets waited, then the one for the os-upgrade and autologin");
        var journal = File.ReadAllLines(host.JournalPath).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        journal.Should().Contain(e => Text(e, "kind") == "step" && Text(e, "step") == "keychain" && Text(e, "to") == "Waiting"
            && Text(e, "reason").Contains("does not exist yet", StringComparison.Ordinal),
            "before the agent's first login its login keychain does not exist, and the step waits for the boot autologin brings");
        journal.Count(e => Text(e, "kind") == "recheck").Should().BeGreaterThanOrEqualTo(3, "boots 2, 3 and 4 each checked a waiting step at once");
        // Issue 12 §3's schedule: after the one reboot, with the agent logged in, keychain, first-deploy's load, tcc, handoff.
        var lastBoot = Text(journal[^1], "bootId");
        foreach (var step in new[] { "keychain", "first-deploy", "tcc", "handoff" })
        {
            journal.Where(e => Text(e, "kind") == "step" && Text(e, "step") == step && Text(e, "to") is "Succeeded" or "Skipped")
                .Should().ContainSingle($"{step} finishes once: {string.Join(" | ", journal.Where(e => Text(e, "step") == step).Select(e => $"{Text(e, "to")} {Text(e, "bootId")}"))}").Which.GetProperty("bootId").GetString()
                .Should().Be(lastBoot, $"{step} runs in the boot the agent is logged in");
        }

        host.ToolCalls("xcode-select").Where(c => c != "-p").Should().Equal("-s /Applications/Xcode-16.2.0.app");
        host.ToolCalls("xcodebuild").Should().Contain(["-license accept", "-runFirstLaunch"]);
        var holders = SecretHolders(host.RootDirPath);
        holders.Should().Contain(Path.Join(host.RootDirPath, "Users", MacFleet.AgentUser, ".rig", "env"), "the env file is where the secrets go");
        holders.Should().OnlyContain(f => (File.GetUnixFileMode(f) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) == 0,
            $"only 0600 files may hold a secret value (docs/invariants.md I6); held by: {string.Join(", ", holders)}");
        var keychainItem = File.ReadAllLines(Path.Join(host.ToolsDirPath, "security.keychain")).Should().ContainSingle().Subject.Split('\t');
        keychainItem.Should().Equal("/Users/rig/Library/Keychains/login.keychain-db", MacFleet.KeychainService, MacFleet.AgentUser,
            Convert.ToHexStringLower(Encoding.UTF8.GetBytes(MacFleet.SecretValue)));
        var agentPlist = $"{host.RootDirPath}/Users/{MacFleet.AgentUser}/Library/LaunchAgents/{ReliabilityConfigs.AgentLabel}.plist";
        File.Exists(agentPlist).Should().BeTrue("the agent is a LaunchAgent of its user, as the fleet plan has it");
        host.ToolCalls("launchctl").Should().Contain($"bootstrap gui/{MacFleet.AgentUid} {agentPlist}",
            "first-deploy loads the agent into the logged-in agent user's GUI session")
            .And.Contain($"print gui/{MacFleet.AgentUid}/{ReliabilityConfigs.AgentLabel}", "handoff checks the agent in that session")
            .And.NotContain(c => c.StartsWith("bootstrap system ", StringComparison.Ordinal) && c.Contains(ReliabilityConfigs.AgentLabel, StringComparison.Ordinal));
        host.ToolCalls("launchctl").Where(c => c.StartsWith("asuser ", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(c => c.StartsWith($"asuser {MacFleet.AgentUid} {host.ToolsDirPath}/sudo -H -u {MacFleet.AgentUser} {host.ToolsDirPath}/security ", StringComparison.Ordinal),
                "security reaches the login keychain only from the agent's session");
        mirror.Requests.Should().Equal(["GET - 200"], "Xcode is downloaded once, from the start, and never again");
        mirror.BytesServed.Should().Be(MacFleet.XcodeArchive.Bytes.Length);
        output.WriteLine($"RELIABILITY scenario=mac-fresh-host mode={upgrade} boots={harness.Boots} reboots={harness.Reboots} repeated={fleet.SideEffectsRepeated()} downloaded={mirror.BytesServed} file={MacFleet.XcodeArchive.Bytes.Length}");
    }

    [Fact]
    public async Task With_FileVault_on_autologin_halts_naming_it_and_retry_completes_once_FileVault_is_off()
    {
        // Arrange
        using var host = new TempHost();
        var fleet = await MacFleet.PrepareAsync(host);
        host.WriteToolFile("fdesetup.on", "");
        using var harness = new BootHarness(host);
        await StartAsync(host, fleet, harness, registerAtBoot: 1);

        // Act
        var halted = await harness.RunAsync(SettleLimit);
        var statusWhenHalted = await _cli.RunAsync(["status", .. host.HostArguments]);
        File.Delete(Path.Join(host.ToolsDirPath, "fdesetup.on"));
        var retry = await _cli.RunAsync(["retry", "autologin", .. host.HostArguments]);
        var completed = await harness.RunAsync(SettleLimit);

        // Assert
        halted.Should().BeTrue(statusWhenHalted.Describe());
        statusWhenHalted.ExitCode.Should().Be(1, "status exits 1 for Halted");
        statusWhenHalted.Stdout.Should().Contain("FileVault is on").And.Contain("rig-bootstrap retry autologin");
        retry.ExitCode.Should().Be(0, retry.Describe());
        completed.Should().BeTrue((await _cli.RunAsync(["status", .. host.HostArguments])).Describe());
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "retry after FileVault was turned off");
        fleet.SideEffects().Should().OnlyContain(e => e.Count == 1);
        output.WriteLine($"RELIABILITY scenario=mac-filevault-retry boots={harness.Boots} reboots={harness.Reboots} repeated={fleet.SideEffectsRepeated()}");
    }

    [Theory]
    [InlineData(MacUpgradeMode.Mdm)]
    [InlineData(MacUpgradeMode.SoftwareUpdate)]
    public async Task Killed_after_every_persistence_point_in_turn_the_Mac_workflow_converges_with_each_side_effect_once(MacUpgradeMode upgrade)
    {
        var boots = 0;
        var reboots = 0;
        var repeated = 0;
        long downloaded = 0;
        for (var crashAfter = 1; crashAfter < 400; crashAfter++)
        {
            // Arrange
            await using var mirror = new RangeServer(MacFleet.XcodeArchive.Bytes);
            using var host = new TempHost();
            var fleet = await MacFleet.PrepareAsync(host, upgrade, mirror.Url);
            using var harness = new BootHarness(host) { CrashAfter = crashAfter };
            await StartAsync(host, fleet, harness, registerAtBoot: 1);

            // Act
            var settled = await harness.RunAsync(SettleLimit);

            // Assert
            var because = $"crash point {crashAfter} ({upgrade})";
            settled.Should().BeTrue(because);
            ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, because);
            fleet.SideEffects().Should().OnlyContain(e => e.Count == 1, $"{because} repeats and skips no side effect");
            File.Exists(Path.Join(host.RootDirPath, "tmp", CommandLineToolsMarker)).Should().BeFalse($"{because} leaves no on-demand marker behind");
            host.ShutdownCalls().Should().BeEmpty($"{because}: the upgrade's restart is the only reboot rig-bootstrap needs");
            // One crash per run: at most the bytes not yet on disk when it struck (still in the file's buffer) come again.
            mirror.BytesServed.Should().BeInRange(MacFleet.XcodeArchive.Bytes.Length, 2 * MacFleet.XcodeArchive.Bytes.Length,
                $"{because} downloads Xcode once, plus at most what the crash lost; a verified archive survives it (requests: {string.Join(", ", mirror.Requests)})");
            downloaded += mirror.BytesServed;
            boots += harness.Boots;
            reboots += harness.Reboots;
            repeated += fleet.SideEffectsRepeated();
            if (CrashCounter.Read(host) < crashAfter)
            {
                output.WriteLine($"RELIABILITY mac-crash-points mode={upgrade} tried={crashAfter - 1} boots={boots} reboots={reboots} repeated={repeated} downloaded={downloaded}");
                (crashAfter - 1).Should().BeGreaterThan(30, "every built-in step persists before and after its side effects");
                return;
            }
        }

        Assert.Fail("the Mac workflow never got through without a crash: the crash-point loop never reached its end");
    }

    [Fact]
    public async Task A_power_cut_at_a_random_time_never_stops_the_Mac_workflow_from_converging()
    {
        var random = new Random(Seed);
        var boots = 0;
        var reboots = 0;
        var repeated = 0;
        var redone = 0;
        for (var trial = 0; trial < RandomPowerCuts; trial++)
        {
            // Arrange
            var cutAfter = TimeSpan.FromMilliseconds(random.Next(0, 3000));
            using var host = new TempHost();
            var fleet = await MacFleet.PrepareAsync(host);
            using var harness = new BootHarness(host);
            await StartAsync(host, fleet, harness, registerAtBoot: 1);

            // Act
            var settled = await harness.RunAsync(SettleLimit, powerCutAfter: cutAfter);

            // Assert
            var because = $"power cut {trial} at {cutAfter.TotalMilliseconds} ms (seed {Seed})";
            settled.Should().BeTrue(because);
            ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, because);
            fleet.NonIdempotentSideEffects().Should().OnlyContain(e => e.Count == 1, because);
            fleet.IdempotentSideEffects().Should().OnlyContain(e => e.Count >= 1, because);
            redone += fleet.IdempotentSideEffects().Sum(e => e.Count - 1);
            boots += harness.Boots;
            reboots += harness.Reboots;
            repeated += fleet.SideEffectsRepeated();
        }

        output.WriteLine($"RELIABILITY mac-random-kills tried={RandomPowerCuts} seed={Seed} boots={boots} reboots={reboots} repeated={repeated} redone={redone}");
    }

    private static string Text(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>The fake tools' call logs (argument lists, one call a line) that hold <paramref name="secret"/>.</summary>
    private static List<string> ToolLogsHolding(TempHost host, string secret) =>
        [.. Directory.EnumerateFiles(host.ToolsDirPath, "*.log").Where(f => File.ReadAllText(f).Contains(secret, StringComparison.Ordinal))];

    /// <summary>Every file under the root whose bytes contain the secret value.</summary>
    private static List<string> SecretHolders(string rootDirPath)
    {
        var secret = Encoding.UTF8.GetBytes(MacFleet.SecretValue);
        return [.. Directory.EnumerateFiles(rootDirPath, "*", SearchOption.AllDirectories)
            .Where(f => !File.GetAttributes(f).HasFlag(FileAttributes.ReparsePoint) && File.ReadAllBytes(f).AsSpan().IndexOf(secret) >= 0)];
    }

    private Task<(SimulatedMacBoot Mac, FleetOperator Operator)> StartAsync(TempHost host, MacFleet fleet, BootHarness harness, int registerAtBoot) =>
        MacStart.StartAsync(_cli, host, fleet, harness, registerAtBoot);
}
