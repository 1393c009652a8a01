using RigBootstrap.Cli.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// Issue 14 part 1 through the published binary on the simulated Mac: after `Completed` the daemon stays (plist
/// and binary in place) until every event is delivered or events.deliverFor has passed, across kills and reboots.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class EventDeliveryAfterHandoffTests(PublishedBinary binary, ITestOutputHelper output)
{
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan DownAfterCompleted = TimeSpan.FromMinutes(1);

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task A_receiver_down_through_the_handoff_gets_every_event_once_by_id_completed_last_and_only_then_the_plist_goes()
    {
        // Arrange
        using var receiver = new EventReceiver { StatusCode = 503 };
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        await InstallAsync(host, DeliveredEvents.Config(receiver.Url));
        bool? plistWhileDown = null;
        CliResult? statusWhileDown = null;
        System.Diagnostics.Stopwatch? sinceCompleted = null;
        var downAfterCompleted = TimeSpan.Zero;
        harness.Operator = async () =>
        {
            // Down through the whole workflow, then for the first minute after Completed (the handoff's delivery), and
            // until the daemon has been refused three times since.
            if (sinceCompleted is null && DeliveredEvents.WorkflowState(host) == "Completed")
            {
                sinceCompleted = System.Diagnostics.Stopwatch.StartNew();
            }

            if (plistWhileDown is null && sinceCompleted?.Elapsed >= DownAfterCompleted && receiver.Refused >= 3)
            {
                downAfterCompleted = sinceCompleted.Elapsed;
                plistWhileDown = File.Exists(host.PlistPath()) && File.Exists(host.InstalledBinaryPath);
                statusWhileDown = await _cli.RunAsync(["status", .. host.HostArguments]);
                receiver.StatusCode = 200;
            }

            return false;
        };

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit + DownAfterCompleted);

        // Assert
        settled.Should().BeTrue();
        plistWhileDown.Should().BeTrue("Completed with events undelivered keeps the daemon, its plist and binary");
        statusWhileDown!.Stdout.Should().MatchRegex(@"Completed since [^\n]*; delivering \d+ events? to 127\.0\.0\.1, last error HTTP 503, next try at ", statusWhileDown.Describe());
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "delivered, then removed");
        ScenarioOutcome.Read(host).SideEffectsRepeated.Should().Be(0);
        var taken = DeliveredEvents.TakenOnce(receiver);
        taken.Select(DeliveredEvents.Describe).Should().Equal(DeliveredEvents.JournalTransitions(host), "every transition in the journal reaches the receiver, in order");
        taken[^1].GetProperty("to").GetString().Should().Be("Completed");
        DeliveredEvents.TakenTwice(receiver).Should().BeEmpty("nothing was killed, so nothing is sent again once taken");
        File.ReadAllText(host.JournalPath).Should().NotContain("\"kind\":\"events\"", "nothing was lost");
        output.WriteLine($"EVENTS down-then-up requests={receiver.Answered.Count} refused={receiver.Refused} taken={taken.Count} downAfterCompleted={downAfterCompleted.TotalSeconds:0}s");
    }

    [Fact]
    public async Task A_receiver_that_never_comes_back_keeps_the_daemon_for_deliver_for_then_it_removes_itself_and_status_names_the_loss()
    {
        // Arrange
        using var receiver = new EventReceiver { StatusCode = 503 };
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        await InstallAsync(host, DeliveredEvents.Config(receiver.Url, deliverFor: "00:00:06"));
        bool? plistAfterCompleted = null;
        harness.Operator = () =>
        {
            if (plistAfterCompleted is null && DeliveredEvents.WorkflowState(host) == "Completed")
            {
                plistAfterCompleted = File.Exists(host.PlistPath());
            }

            return Task.FromResult(false);
        };

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);
        var status = await _cli.RunAsync(["status", .. host.HostArguments]);

        // Assert
        settled.Should().BeTrue();
        plistAfterCompleted.Should().BeTrue();
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "deliverFor ran out, so the daemon removed itself anyway");
        var journal = File.ReadAllLines(host.JournalPath);
        var completedAt = JournalTime(journal.Last(l => l.Contains("\"to\":\"Completed\"", StringComparison.Ordinal)));
        var lostLine = journal.Single(l => l.Contains("\"kind\":\"events\"", StringComparison.Ordinal));
        var cleanupAt = JournalTime(journal.Single(l => l.Contains("\"kind\":\"cleanup\"", StringComparison.Ordinal)));
        (cleanupAt - completedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(6), "the daemon stays for deliverFor after Completed");
        var undelivered = DeliveredEvents.JournalTransitions(host).Count;
        status.ExitCode.Should().Be(0, status.Describe());
        status.Stdout.Should().Contain($"{undelivered} events never delivered to 127.0.0.1", status.Describe());
        status.Stdout.Should().Contain("last error HTTP 503");
        lostLine.Should().Contain($"{undelivered} events never delivered to 127.0.0.1");
        receiver.Answered.Should().OnlyContain(a => a.Status == 503);
        output.WriteLine($"EVENTS never-back requests={receiver.Answered.Count} lost={undelivered} stayed={(cleanupAt - completedAt).TotalSeconds:0.0}s");
    }

    [Fact]
    public async Task A_kill_and_a_reboot_while_delivering_after_completed_lose_no_event_and_repeat_only_by_id()
    {
        // Arrange
        using var receiver = new EventReceiver { StatusCode = 503 };
        using var host = new TempHost();
        using var harness = new BootHarness(host);
        await InstallAsync(host, DeliveredEvents.Config(receiver.Url));
        var phase = 0;
        var refusedAtPhase = 0;
        harness.Operator = async () =>
        {
            var completed = DeliveredEvents.WorkflowState(host) == "Completed";
            switch (phase)
            {
                case 0 when completed && receiver.Refused >= 2:
                    // SIGKILL mid-delivery: KeepAlive (SuccessfulExit false) starts the daemon again.
                    await harness.KillDaemonAsync();
                    (phase, refusedAtPhase) = (1, receiver.Refused);
                    return false;
                case 1 when receiver.Refused > refusedAtPhase:
                    // Refused again by the restarted daemon: now the power goes.
                    (phase, refusedAtPhase) = (2, receiver.Refused);
                    return true;
                case 2 when receiver.Refused > refusedAtPhase:
                    // The daemon is back after the boot (RunAtLoad) and still delivering: the receiver comes back.
                    phase = 3;
                    File.Exists(host.PlistPath()).Should().BeTrue("still delivering after the reboot");
                    receiver.StatusCode = 200;
                    return false;
                default:
                    return false;
            }
        };

        // Act
        await harness.PowerOnAsync();
        var settled = await harness.RunAsync(SettleLimit);

        // Assert
        settled.Should().BeTrue();
        phase.Should().Be(3, "the kill, the reboot and the receiver's return all happened");
        harness.DaemonKills.Should().Be(1);
        ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, "delivered after a kill and a reboot");
        var taken = DeliveredEvents.TakenOnce(receiver);
        taken.Select(DeliveredEvents.Describe).Should().Equal(DeliveredEvents.JournalTransitions(host), "no event lost, in journal order");
        taken[^1].GetProperty("to").GetString().Should().Be("Completed");
        output.WriteLine($"EVENTS kill-and-reboot requests={receiver.Answered.Count} taken={taken.Count} taken-twice={DeliveredEvents.TakenTwice(receiver).Count}");
    }

    [Fact]
    public async Task Killed_after_every_persistence_point_in_turn_the_receiver_still_gets_every_journaled_move_once_by_id()
    {
        var points = 0;
        var resent = 0;
        for (var crashAfter = 1; crashAfter < 200; crashAfter++)
        {
            // Arrange: the receiver is down until the crash (or Completed, for a point past the run's last), so
            // undelivered events wait in the journal when the process dies.
            using var receiver = new EventReceiver { StatusCode = 503 };
            using var host = new TempHost();
            using var harness = new BootHarness(host) { CrashAfter = crashAfter };
            await InstallAsync(host, DeliveredEvents.Config(receiver.Url));
            harness.Operator = () =>
            {
                if (harness.CrashAfter is null || CrashCounter.Read(host) >= crashAfter || DeliveredEvents.WorkflowState(host) == "Completed")
                {
                    receiver.StatusCode = 200;
                }

                return Task.FromResult(false);
            };

            // Act
            await harness.PowerOnAsync();
            var settled = await harness.RunAsync(SettleLimit);

            // Assert
            var because = $"crash point {crashAfter}";
            settled.Should().BeTrue(because);
            ScenarioOutcome.ShouldBeCompletedAndCleanedUp(host, because);
            var taken = DeliveredEvents.TakenOnce(receiver);
            taken.Select(DeliveredEvents.Describe).Should().Equal(DeliveredEvents.JournalTransitions(host), because);
            taken[^1].GetProperty("to").GetString().Should().Be("Completed", because);
            resent += DeliveredEvents.TakenTwice(receiver).Count;
            if (CrashCounter.Read(host) < crashAfter)
            {
                points = crashAfter - 1;
                break;
            }
        }

        points.Should().BeGreaterThan(5, "the sweep reached a run with fewer persistence points than the crash point");
        output.WriteLine($"EVENTS crash-points tried={points} lost=0 taken-twice-by-id={resent}");
    }

    private static DateTimeOffset JournalTime(string line) =>
        System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("time").GetDateTimeOffset();

    private async Task InstallAsync(TempHost host, string config)
    {
        host.WriteFile("agent.plist", ReliabilityConfigs.AgentPlist);
        var path = host.WriteFile("config.json", config);
        var install = await _cli.RunAsync(["install", "--config", path, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
    }
}
