using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>
/// `status --watch` through the published binary (docs/operations.md): a line per change when stdout is not a
/// terminal, the `status` code when the workflow is final, 130 on Ctrl-C. Every wait is for a line to appear.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class StatusWatchCommandTests
{
    /// <summary>Generous for one line on a busy two-core machine; a watch that works prints it within a poll.</summary>
    private static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RebootRequestDeadline = TimeSpan.FromSeconds(60);

    // A terminal type is set on purpose: only whether stdout is a terminal decides the plain lines.
    private static readonly Dictionary<string, string> Terminal = new() { ["TERM"] = "xterm-256color" };

    private readonly RigBootstrapCli _cli;

    public StatusWatchCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task On_an_empty_root_it_waits_for_the_state_then_follows_the_daemon_through_a_reboot_and_exits_0_at_Completed()
    {
        // Arrange: the watch starts before anything is installed.
        using var host = new TempHost();
        using var watch = StartWatch(host, "--poll-interval", "00:00:00.5");
        await watch.WaitForLineAsync(l => l.Contains("waiting for it to appear", StringComparison.Ordinal), LineTimeout);

        // Act: install, a run that asks for its reboot (killed by the "reboot"), and the next boot's run that hands off.
        await InstallAsync(host, TestConfigs.NeedsOneReboot);
        await watch.WaitForLineAsync(l => l.Contains(": Installed, 0/", StringComparison.Ordinal), LineTimeout);
        using (var firstRun = _cli.Start(["run", .. host.HostArguments]))
        {
            var waited = Stopwatch.StartNew();
            while (host.ShutdownCalls().Count == 0 && !firstRun.HasExited && waited.Elapsed < RebootRequestDeadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }

            await firstRun.KillAsync();
        }

        await watch.WaitForLineAsync(l => l.Contains(": AwaitingReboot,", StringComparison.Ordinal), LineTimeout);
        host.SetBootTime(1_700_000_600);
        (await _cli.RunAsync(["run", .. host.HostArguments])).ExitCode.Should().Be(0);
        var result = await watch.WaitForExitAsync(LineTimeout);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        File.Exists(host.PlistPath()).Should().BeFalse("the daemon removed itself at Completed; the state file stays and says so");
        var lines = watch.StdoutLines;
        lines[0].Should().Contain($"no state at {host.StatePath} yet");
        lines[^1].Should().MatchRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ com\.rig\.bootstrap: Completed, 1/1 steps done: ");
        lines.Should().OnlyContain(l => !l.Contains('\u001b'), "stdout is a pipe: no ANSI codes");
        var bodies = Bodies(lines);
        bodies.Should().HaveCountGreaterThanOrEqualTo(4);
        bodies.Zip(bodies.Skip(1)).Should().OnlyContain(pair => pair.First != pair.Second, "a line is printed only when what it says changed");
        lines.Count(l => l.Contains(": Completed,", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task It_exits_1_with_the_halt_as_its_last_line_when_the_workflow_halts()
    {
        using var host = new TempHost();
        await InstallAsync(host, TestConfigs.HaltsOnSecondStep);
        using var watch = StartWatch(host);
        await watch.WaitForLineAsync(l => l.Contains(": Installed,", StringComparison.Ordinal), LineTimeout);

        (await _cli.RunAsync(["run", .. host.HostArguments])).ExitCode.Should().Be(0);
        var result = await watch.WaitForExitAsync(LineTimeout);

        result.ExitCode.Should().Be(1, result.Describe());
        watch.StdoutLines[^1].Should().Contain("com.rig.bootstrap: Halted, 1/").And.Contain("the brew mirror is down");
        watch.StdoutLines.Should().OnlyContain(l => !l.Contains('\u001b'));
    }

    [Fact]
    public async Task Each_state_written_is_exactly_one_line_and_a_rewrite_that_changes_nothing_shown_is_none()
    {
        // Arrange
        using var host = new TempHost();
        await InstallAsync(host, TestConfigs.HaltsOnSecondStep);
        using var watch = StartWatch(host);
        await watch.WaitForLineAsync(l => l.Contains(": Installed,", StringComparison.Ordinal), LineTimeout);

        // Act: the states a run would write, each replacing state.json by a rename, one after the other line.
        WriteState(host, "Running", "running step first");
        await watch.WaitForLineAsync(l => l.Contains(": Running,", StringComparison.Ordinal), LineTimeout);
        WriteState(host, "Running", "running step first", updatedAt: "2026-12-01T00:00:00+00:00");
        WriteState(host, "Waiting", "second: the mirror answers 503");
        await watch.WaitForLineAsync(l => l.Contains(": Waiting,", StringComparison.Ordinal), LineTimeout);
        WriteState(host, "Completed", "handed off");
        var result = await watch.WaitForExitAsync(LineTimeout);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        Bodies(watch.StdoutLines).Should().Equal(
            "com.rig.bootstrap: Installed, 0/2 steps done: installed; launchd starts `rig-bootstrap run` at load and after every boot; next: run step first",
            "com.rig.bootstrap: Running, 0/2 steps done: running step first",
            "com.rig.bootstrap: Waiting, 0/2 steps done: second: the mirror answers 503",
            "com.rig.bootstrap: Completed, 0/2 steps done: handed off");
    }

    [Fact]
    public async Task With_json_it_prints_one_state_file_per_line_and_says_on_stderr_that_it_waits()
    {
        // Arrange
        using var host = new TempHost();
        using var watch = StartWatch(host, "--json");
        await watch.WaitForErrorLineAsync(l => l.Contains("waiting for it to appear", StringComparison.Ordinal), LineTimeout);

        // Act
        await InstallAsync(host, TestConfigs.HaltsOnSecondStep);
        await watch.WaitForLineAsync(l => l.Contains("\"Installed\"", StringComparison.Ordinal), LineTimeout);
        (await _cli.RunAsync(["run", .. host.HostArguments])).ExitCode.Should().Be(0);
        var result = await watch.WaitForExitAsync(LineTimeout);

        // Assert
        result.ExitCode.Should().Be(1, result.Describe());
        var states = watch.StdoutLines.Select(l => JsonNode.Parse(l)!).ToList();
        states.Should().HaveCountGreaterThanOrEqualTo(2);
        states[0]["workflow"]!["state"]!.GetValue<string>().Should().Be("Installed");
        states[^1]["workflow"]!["state"]!.GetValue<string>().Should().Be("Halted");
        var file = JsonNode.Parse(File.ReadAllText(host.StatePath))!.AsObject();
        states.Should().OnlyContain(s => s.AsObject().Select(p => p.Key).Order().SequenceEqual(file.Select(p => p.Key).Order()), "each line is the state file itself");
        states[^1]["workflow"]!["reason"]!.GetValue<string>().Should().Be(file["workflow"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task On_a_terminal_it_redraws_the_status_view_in_place_and_exits_1_at_the_halt()
    {
        // Arrange: script(1) from util-linux gives the watch a pseudo-terminal for its stdout.
        using var host = new TempHost();
        await InstallAsync(host, TestConfigs.HaltsOnSecondStep);
        var command = string.Join(' ', new[] { _cli.BinaryFilePath, "status", "--watch" }.Concat(host.HostArguments).Select(a => $"'{a}'"));
        using var watch = StreamingProcess.Start(ToolPath.Require("script", "util-linux"), ["-qefc", command, "/dev/null"], Terminal);
        await watch.WaitForLineAsync(l => l.Contains("com.rig.bootstrap: Installed since", StringComparison.Ordinal), LineTimeout);

        // Act
        (await _cli.RunAsync(["run", .. host.HostArguments])).ExitCode.Should().Be(0);
        var result = await watch.WaitForExitAsync(LineTimeout);

        // Assert
        result.ExitCode.Should().Be(1, result.Describe());
        var frames = result.Stdout.Split("\u001b[H\u001b[2J");
        frames.Length.Should().BeGreaterThanOrEqualTo(3, "each change clears the screen and draws the view again");
        frames[^1].Should().Contain("com.rig.bootstrap: Halted since").And.Contain("STEP").And.Contain("watching; Ctrl-C to stop");
    }

    [Fact]
    public async Task Ctrl_C_ends_the_watch_with_130()
    {
        using var host = new TempHost();
        await InstallAsync(host, TestConfigs.HaltsOnSecondStep);
        using var watch = StartWatch(host);
        await watch.WaitForLineAsync(l => l.Contains(": Installed,", StringComparison.Ordinal), LineTimeout);

        await watch.InterruptAsync();
        var result = await watch.WaitForExitAsync(LineTimeout);

        result.ExitCode.Should().Be(130, result.Describe());
    }

    [Theory]
    [InlineData("--watch", "--wait")]
    [InlineData("--watch", "--history")]
    [InlineData("--watch", "--format=jamf")]
    [InlineData("--watch", "--poll-interval=00:00:00")]
    [InlineData("--poll-interval", "00:00:01")]
    public async Task Watch_options_that_make_no_sense_together_exit_64(string first, string second)
    {
        using var host = new TempHost();

        var result = await _cli.RunAsync(["status", first, second, .. host.HostArguments]);

        result.ExitCode.Should().Be(64, result.Describe());
        result.Stderr.Should().Contain("(exit 64)");
    }

    /// <summary>The lines without the time each was seen at.</summary>
    private static List<string> Bodies(IEnumerable<string> lines) => lines.Select(l => l[(l.IndexOf('Z', StringComparison.Ordinal) + 2)..]).ToList();

    /// <summary>Replaces state.json as the product does (a temp file renamed over it), with a new workflow state and reason.</summary>
    private static void WriteState(TempHost host, string workflow, string reason, string? updatedAt = null)
    {
        var state = JsonNode.Parse(File.ReadAllText(host.StatePath))!;
        state["workflow"]!["state"] = workflow;
        state["workflow"]!["reason"] = reason;
        state["workflow"]!.AsObject().Remove("next");
        if (updatedAt is not null)
        {
            state["updatedAt"] = updatedAt;
        }

        var temp = host.StatePath + ".test-tmp";
        File.WriteAllText(temp, state.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, host.StatePath, overwrite: true);
    }

    private StreamingProcess StartWatch(TempHost host, params string[] options)
    {
        var (filePath, arguments) = SigintDefault.Wrap(_cli.BinaryFilePath, ["status", "--watch", .. options, .. host.HostArguments]);
        return StreamingProcess.Start(filePath, arguments, Terminal);
    }

    private async Task InstallAsync(TempHost host, string config)
    {
        var install = await _cli.RunAsync(["install", "--config", host.WriteFile("config.json", config), .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
    }
}
