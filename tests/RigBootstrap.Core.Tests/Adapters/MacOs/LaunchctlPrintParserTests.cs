using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class LaunchctlPrintParserTests
{
    public static TheoryData<string, LaunchdJobInfo> Fixtures() => new()
    {
        {
            "launchctl-print-system-running.txt",
            new LaunchdJobInfo("running", Pid: 893, Runs: 1, LastExitCode: null, "LaunchDaemon", "/Library/LaunchDaemons/com.byliu.egress-guard.daemon.plist", "system")
        },
        {
            // The nested "keepalive = 0" under event triggers (three tabs) is not a top-level key.
            "launchctl-print-system-loaded-not-running.txt",
            new LaunchdJobInfo("not running", Pid: null, Runs: 1, LastExitCode: null, "LaunchDaemon", "/System/Library/LaunchDaemons/com.byliu.egress-guard.daemon.plist", "system")
        },
        {
            // Indented with spaces, as the GitHub issue rendered it: under the one-tab rule nothing is read.
            "launchctl-print-system-not-running-exit0.txt",
            LaunchdJobInfo.Unknown
        },
        {
            // The OS X 10.10 format, indented with four spaces: nothing is read either.
            "launchctl-print-system-running-osx10.10.txt",
            LaunchdJobInfo.Unknown
        },
        {
            // The one complete dump, ending in "}"; nested "service =", "active =" and "port =" lines are ignored.
            "launchctl-print-user-agent-full.txt",
            new LaunchdJobInfo("not running", Pid: null, Runs: 1, LastExitCode: 0, "LaunchAgent", "/Users/runner/Library/LaunchAgents/local.resticprofile.self.check.agent.plist", "user/503")
        },
        {
            // A periodic LaunchAgent in a GUI session between runs: the healthy pull loop of the fleet agent looks like this.
            "launchctl-print-gui-agent-interval-exited-0.txt",
            new LaunchdJobInfo("not running", Pid: null, Runs: 18, LastExitCode: 0, "LaunchAgent", "/Users/sglavoie/scripts/launchagents/Library/LaunchAgents/com.sglavoie.forgejo-sync.plist", "gui/501 [100020]")
        },
        {
            "launchctl-print-gui-agent-exited-1-watchpaths.txt",
            new LaunchdJobInfo("not running", Pid: null, Runs: 4, LastExitCode: 1, "LaunchAgent", "/Users/sglavoie/scripts/launchagents/Library/LaunchAgents/com.sglavoie.sync-legacy.plist", "gui/501 [100020]")
        },
        {
            // "(never exited)" is null; the nested coalition "state = active" lines are not the job's.
            "launchctl-print-gui-agent-running-keepalive.txt",
            new LaunchdJobInfo("running", Pid: 1076, Runs: 1, LastExitCode: null, "LaunchAgent", "/Users/sglavoie/scripts/launchagents/Library/LaunchAgents/com.sglavoie.ddc-brightnessd.plist", "gui/501 [100020]")
        },
        {
            "launchctl-print-gui-agent-never-run-calendar.txt",
            new LaunchdJobInfo("not running", Pid: null, Runs: 0, LastExitCode: null, "LaunchAgent", "/Users/sglavoie/scripts/launchagents/Library/LaunchAgents/com.sglavoie.brew-maintain.plist", "gui/501 [100020]")
        },
        {
            // The stderr of a print that found nothing (exit 113): no job fields at all.
            "launchctl-print-gui-not-found.stderr.txt",
            LaunchdJobInfo.Unknown
        },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_print_fixture_gives_the_top_level_fields_it_holds(string fixtureName, LaunchdJobInfo expected)
    {
        // Arrange
        var stdout = MacOsFixtures.ReadText(fixtureName);

        // Act
        var info = LaunchctlPrintParser.Parse(stdout);

        // Assert
        info.Should().Be(expected);
    }

    [Fact]
    public void Every_print_fixture_is_covered_by_the_fixture_theory()
    {
        // Act
        var covered = Fixtures().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        // Assert
        covered.Should().Equal(MacOsFixtures.NamesStartingWith("launchctl-print-"));
    }

    [Fact]
    public void A_job_with_a_pid_line_is_running_and_one_without_is_not()
    {
        // Act
        var running = LaunchctlPrintParser.Parse(MacOsFixtures.ReadText("launchctl-print-system-running.txt"));
        var stopped = LaunchctlPrintParser.Parse(MacOsFixtures.ReadText("launchctl-print-system-loaded-not-running.txt"));

        // Assert
        running.IsRunning.Should().BeTrue();
        stopped.IsRunning.Should().BeFalse();
    }

    [Theory]
    [InlineData("(never exited)", null)]
    [InlineData("78: EX_CONFIG", 78)]
    [InlineData("0", 0)]
    [InlineData("-9", -9)]
    [InlineData("1", 1)]
    [InlineData("not a number", null)]
    [InlineData("", null)]
    public void The_last_exit_code_takes_the_leading_integer_and_never_exited_is_null(string value, int? expected)
    {
        // Arrange
        var stdout = $"system/com.rig.bootstrap = {{\n\tstate = waiting\n\tlast exit code = {value}\n";

        // Act
        var info = LaunchctlPrintParser.Parse(stdout);

        // Assert
        info.LastExitCode.Should().Be(expected);
        info.State.Should().Be("waiting");
    }

    [Fact]
    public void Keys_inside_nested_blocks_do_not_override_the_job_s_own_keys()
    {
        // Arrange: endpoints and coalitions repeat "state =" and "pid =" one level deeper.
        var stdout = "system/com.rig.bootstrap = {\n"
            + "\tendpoints = {\n\t\t\"com.rig.port\" = {\n\t\t\tstate = active\n\t\t\tpid = 1\n\t\t}\n\t}\n"
            + "\tstate = spawn scheduled\n"
            + "\tresource coalition = {\n\t\tstate = active\n\t}\n"
            + "\truns = 4\n";

        // Act
        var info = LaunchctlPrintParser.Parse(stdout);

        // Assert
        info.Should().Be(LaunchdJobInfo.Unknown with { State = "spawn scheduled", Runs = 4 });
        info.IsRunning.Should().BeFalse();
    }

    [Fact]
    public void Crlf_line_endings_and_a_missing_closing_brace_are_read_the_same()
    {
        // Arrange
        var stdout = "system/com.rig.bootstrap = {\r\n\tstate = running\r\n\tpid = 4242\r\n\tdomain = system\r\n";

        // Act
        var info = LaunchctlPrintParser.Parse(stdout);

        // Assert
        info.Should().Be(LaunchdJobInfo.Unknown with { State = "running", Pid = 4242, Domain = "system" });
        info.IsRunning.Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("Could not find service \"com.rig.bootstrap\" in domain for system")]
    [InlineData("\t= = =\n\tstate\n\t = running\n\tpid = \n\tpid = 99999999999\n\truns = many\n\t\t\n}")]
    [InlineData("\0\u0001binary\uFFFD garbage {{{")]
    public void Empty_or_malformed_output_gives_an_all_null_info_without_throwing(string stdout)
    {
        // Act
        var info = LaunchctlPrintParser.Parse(stdout);

        // Assert
        info.Should().Be(LaunchdJobInfo.Unknown);
        info.IsRunning.Should().BeFalse();
    }
}
