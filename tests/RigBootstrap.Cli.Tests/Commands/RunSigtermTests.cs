using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>
/// What launchd and systemd do at shutdown, `launchctl bootout` and `systemctl stop`: SIGTERM to `run` in the middle of
/// a long step. The run stops within the service manager's budget, the step's process tree is gone, the state shows the
/// step unfinished, and the next run completes it without repeating its side effect (docs/adr/0006-generic-host.md).
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class RunSigtermTests(PublishedBinary binary)
{
    private const string AgentUnit = "ai.invotek.rig-deploy.service";

    /// <summary>launchd sends SIGKILL this long after SIGTERM when the plist sets no ExitTimeOut (launchd.plist(5)).</summary>
    private static readonly TimeSpan LaunchdExitTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan StepStartDeadline = TimeSpan.FromSeconds(60);

    // The side effect first (one line per execution), then a child that only ends when it is killed; its pid is
    // written last, so a test that sees the pid knows the side effect is done and the step is in its long part.
    private const string LongStepConfig = """
        {
          "platform": "linux",
          "agent": { "user": "rig", "home": "/home/rig" },
          "commands": [
            { "id": "long-step",
              "run": ["/bin/sh", "-c", "echo run >> \"$RIG_HOST_ROOT/effect.count\"; sleep 600 & echo $! > \"$RIG_HOST_ROOT/sleep.pid.tmp\"; mv \"$RIG_HOST_ROOT/sleep.pid.tmp\" \"$RIG_HOST_ROOT/sleep.pid\"; wait"],
              "check": ["/bin/sh", "-c", "test -s \"$RIG_HOST_ROOT/effect.count\""] }
          ],
          "steps": { "handoff": { "agentLabel": "ai.invotek.rig-deploy", "stableFor": "00:00:01" } }
        }
        """;

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task Sigterm_in_a_long_step_stops_the_tree_in_time_and_the_next_run_finishes_the_step_without_repeating_it()
    {
        // Arrange
        using var host = new TempHost();
        host.SetLinuxBootId(Guid.NewGuid());
        var install = await _cli.RunAsync(["install", "--config", host.WriteFile("config.json", LongStepConfig), .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
        using var run = _cli.Start(["run", .. host.HostArguments]);
        var sleepPid = await WaitForStepChildAsync(host, run);

        // Act
        var stopWatch = Stopwatch.StartNew();
        await SendSigtermAsync(run.ProcessId);
        var stopped = await run.WaitAsync(LaunchdExitTimeout + TimeSpan.FromSeconds(10));
        var stopTook = stopWatch.Elapsed;
        var stepAfterStop = StepRecord(host, "long-step");
        var journalAfterStop = File.ReadAllLines(host.JournalPath);
        host.StartUnit(AgentUnit); // the fleet agent's unit, which the handoff waits for
        var next = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        stopped.ExitCode.Should().Be(143, $"SIGTERM ends the run with 128 + 15 (docs/exit-codes.md)\n{stopped.Describe()}");
        stopTook.Should().BeLessThan(LaunchdExitTimeout, "launchd kills a job that has not exited ExitTimeOut after SIGTERM");
        IsRunning(sleepPid).Should().BeFalse("the runner terminates the step's whole process tree before the run exits");
        stepAfterStop.GetProperty("state").GetString().Should().Be("Running", "the step was stopped, not failed, and is not done");
        journalAfterStop.Should().Contain(line => line.Contains("\"kind\":\"run-ended\"", StringComparison.Ordinal) && line.Contains("Stopped", StringComparison.Ordinal),
            "a stop is a clean end of the run, not a crash");
        next.ExitCode.Should().Be(0, next.Describe());
        StepRecord(host, "long-step").GetProperty("state").GetString().Should().BeOneOf("Succeeded", "Skipped");
        File.ReadAllLines(Path.Join(host.RootDirPath, "effect.count")).Should().ContainSingle("the next run probes the step and does not run it again");
        (await _cli.RunAsync(["status", "--root", host.RootDirPath])).ExitCode.Should().Be(0, "the workflow is Completed");
    }

    private static async Task<int> WaitForStepChildAsync(TempHost host, ChildProcess run)
    {
        var pidPath = Path.Join(host.RootDirPath, "sleep.pid");
        var watch = Stopwatch.StartNew();
        while (!File.Exists(pidPath))
        {
            if (run.HasExited || watch.Elapsed > StepStartDeadline)
            {
                var result = run.HasExited ? await run.WaitAsync(TimeSpan.FromSeconds(10)) : await run.KillAsync();
                Assert.Fail($"the long step never started its child\n{result.Describe()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        return int.Parse(File.ReadAllText(pidPath).Trim(), CultureInfo.InvariantCulture);
    }

    private static async Task SendSigtermAsync(int pid)
    {
        using var kill = Process.Start("/bin/kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        kill.ExitCode.Should().Be(0, "kill -TERM reached the run");
    }

    /// <summary>False once the process has ended: gone from /proc, or a zombie nobody has reaped yet.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].First() != 'Z';
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    private static JsonElement StepRecord(TempHost host, string stepId)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(host.StatePath));
        return state.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == stepId).Clone();
    }
}
