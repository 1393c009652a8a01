using System.Diagnostics;
using RigBootstrap.Cli.Tests.TestKit;
using Xunit.Abstractions;

namespace RigBootstrap.Cli.Tests.Linux;

/// <summary>
/// A Linux host under systemd, driven through the published binary with a fake systemctl: install → reboot → resume →
/// handoff → unit gone, and the same with the process killed after every persistence point in turn.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class LinuxHostTests(PublishedBinary binary, ITestOutputHelper output)
{
    private const string Unit = "com.rig.bootstrap.service";
    private const string AgentUnit = "ai.invotek.rig-deploy.service";
    private static readonly TimeSpan ProcessDeadline = TimeSpan.FromSeconds(60);

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task A_boot_id_the_kernel_file_does_not_hold_as_a_uuid_exits_69_naming_the_file_not_70()
    {
        // Arrange
        using var host = new TempHost();
        host.SetLinuxBootId(Guid.NewGuid());
        var install = await _cli.RunAsync(["install", "--config", host.WriteFile("config.json", TestConfigs.LinuxNeedsOneReboot), .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
        File.WriteAllText(Path.Join(host.RootDirPath, "proc", "sys", "kernel", "random", "boot_id"), "not-a-uuid\n");

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(69, $"what the system hands us is unreadable: unavailable, not a bug of ours\n{run.Describe()}");
        run.Stderr.Should().Contain("boot_id").And.Contain("not-a-uuid");
    }

    [Fact]
    public async Task Install_reboot_resume_and_handoff_leave_no_unit_behind()
    {
        // Arrange
        using var host = new TempHost();
        host.SetLinuxBootId(Guid.NewGuid());
        var config = host.WriteFile("config.json", TestConfigs.LinuxNeedsOneReboot);

        // Act
        var install = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        var unitWritten = File.Exists(host.UnitPath());
        var verify = await SystemdAnalyzeVerifyAsync(host.UnitPath());
        var boots = await RunUntilSettledAsync(host, crashAfter: null);

        // Assert
        install.ExitCode.Should().Be(0, install.Describe());
        install.Stdout.Should().Contain("systemd runs");
        unitWritten.Should().BeTrue();
        verify.Should().BeEmpty("the installed unit passes systemd-analyze verify");
        boots.Crashed.Should().BeFalse();
        boots.Reboots.Should().Be(1);
        var calls = host.SystemctlCalls();
        calls.SkipWhile(c => c.StartsWith("show ", StringComparison.Ordinal)).Take(2).Should().Equal("daemon-reload", $"enable --now {Unit}");
        calls.Should().ContainSingle(c => c.StartsWith("reboot --message", StringComparison.Ordinal));
        calls.Last().Should().Be($"stop {Unit}", "stopping itself is the very last act (docs/invariants.md I8)");
        calls.Should().Contain($"disable {Unit}");
        File.Exists(host.UnitPath()).Should().BeFalse();
        File.Exists(host.InstalledBinaryPath).Should().BeFalse();
        File.ReadAllLines(Path.Join(host.RootDirPath, "kernel-params.count")).Should().ContainSingle();
        (await _cli.RunAsync(["status", "--root", host.RootDirPath])).ExitCode.Should().Be(0, "the workflow is Completed");
    }

    [Fact]
    public async Task Killed_after_any_persistence_point_the_linux_flow_converges_and_runs_its_command_once()
    {
        var crashesTried = 0;
        for (var crashAfter = 1; crashAfter < 60; crashAfter++)
        {
            using var host = new TempHost();
            host.SetLinuxBootId(Guid.NewGuid());
            var config = host.WriteFile("config.json", TestConfigs.LinuxNeedsOneReboot);
            (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);

            await RunUntilSettledAsync(host, crashAfter);
            if (CrashCounter.Read(host) < crashAfter)
            {
                // The whole scenario has fewer than N persistence points: every point before it has been crashed.
                output.WriteLine($"RELIABILITY linux-crash-points tried={crashesTried} repeated=0 (each converged, command run once, unit removed)");
                crashesTried.Should().BeGreaterThan(5);
                return;
            }

            crashesTried++;
            var status = await _cli.RunAsync(["status", "--root", host.RootDirPath]);
            status.ExitCode.Should().Be(0, $"crash point {crashAfter} must converge to Completed\n{status.Describe()}");
            File.ReadAllLines(Path.Join(host.RootDirPath, "kernel-params.count")).Should().ContainSingle($"crash point {crashAfter}");
            File.Exists(host.UnitPath()).Should().BeFalse($"crash point {crashAfter}");
            host.SystemctlCalls().Last().Should().Be($"stop {Unit}", $"crash point {crashAfter}");
        }

        Assert.Fail("every scenario crashed: the crash-point loop never reached its end");
    }

    /// <summary>
    /// Plays systemd: starts `run` at every boot and again after a crash, "reboots" (kill + new boot id) when
    /// `systemctl reboot` is called, and starts the fleet agent at the second boot. Until one process has crashed,
    /// the processes are told to kill themselves at the scenario's Nth persistence point.
    /// </summary>
    private async Task<(bool Crashed, int Reboots)> RunUntilSettledAsync(TempHost host, int? crashAfter)
    {
        var crashed = false;
        var reboots = 0;
        for (var start = 0; start < 8; start++)
        {
            var environment = crashAfter is { } n && !crashed
                ? new Dictionary<string, string>
                {
                    [CrashCounter.CrashAfterVariable] = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    // Counted across processes: the Nth persistence point of the whole scenario, in whichever run.
                    [CrashCounter.FileVariable] = CrashCounter.PathFor(host),
                }
                : null;
            var rebootsBefore = host.SystemctlCalls().Count(c => c.StartsWith("reboot", StringComparison.Ordinal));
            using var run = _cli.Start(["run", .. host.HostArguments], environment);
            var watch = Stopwatch.StartNew();
            while (!run.HasExited && host.SystemctlCalls().Count(c => c.StartsWith("reboot", StringComparison.Ordinal)) == rebootsBefore
                && watch.Elapsed < ProcessDeadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }

            var exitedByItself = run.HasExited;
            var result = exitedByItself ? await run.WaitAsync(ProcessDeadline) : await run.KillAsync();
            // A crash at the run's last persistence point comes after its reboot request: it is a crash all the same
            // (the kill above, the reboot's, is not).
            crashed |= exitedByItself && result.ExitCode == 137;
            if (host.SystemctlCalls().Count(c => c.StartsWith("reboot", StringComparison.Ordinal)) > rebootsBefore)
            {
                reboots++;
                host.SetLinuxBootId(Guid.NewGuid());
                if (!host.ActiveUnits().Contains(AgentUnit))
                {
                    host.StartUnit(AgentUnit); // the fleet agent's unit starts at boot
                }

                continue;
            }

            if (result.ExitCode == 137)
            {
                continue; // systemd's Restart=on-failure starts it again
            }

            result.ExitCode.Should().Be(0, result.Describe());
            if (File.Exists(host.UnitPath()))
            {
                continue;
            }

            return (crashed, reboots);
        }

        throw new InvalidOperationException("the workflow did not settle within 8 process starts");
    }

    private static async Task<string> SystemdAnalyzeVerifyAsync(string unitPath)
    {
        var info = new ProcessStartInfo("/usr/bin/systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("verify");
        info.ArgumentList.Add(unitPath);
        using var process = Process.Start(info)!;
        var all = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // verify exits 0 on some warnings, so a line naming our unit counts as a finding too.
        return process.ExitCode != 0 || all.Contains(Path.GetFileName(unitPath), StringComparison.Ordinal) ? all : "";
    }
}
