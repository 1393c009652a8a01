using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>`status --format text|json|jamf` and `status --history` against the published binary.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class StatusFormatCommandTests
{
    private readonly RigBootstrapCli _cli;

    public StatusFormatCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Jamf_format_prints_one_escaped_result_line_and_exits_0_even_for_a_halted_host()
    {
        // Arrange
        using var host = await HaltedHostAsync();

        // Act
        var result = await _cli.RunAsync(["status", "--format", "jamf", "--root", host.RootDirPath]);

        // Assert
        result.ExitCode.Should().Be(0, "Jamf ignores an extension attribute's exit code; the result line carries the state");
        result.Stdout.Should().Be("<result>Halted: step second failed 1 times: `/bin/sh` exited 1: the brew mirror is down</result>\n");
    }

    [Fact]
    public async Task Jamf_format_on_a_host_without_rig_bootstrap_reports_NotInstalled_and_exits_0()
    {
        using var host = new TempHost();

        var result = await _cli.RunAsync(["status", "--format", "jamf", "--root", host.RootDirPath]);

        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().StartWith("<result>NotInstalled: no state at ").And.EndWith("</result>\n");
    }

    [Fact]
    public async Task Format_json_prints_exactly_what_json_prints()
    {
        using var host = await HaltedHostAsync();

        var json = await _cli.RunAsync(["status", "--json", "--root", host.RootDirPath]);
        var format = await _cli.RunAsync(["status", "--format", "json", "--root", host.RootDirPath]);

        format.ExitCode.Should().Be(1, format.Describe());
        format.Stdout.Should().Be(json.Stdout).And.Be(File.ReadAllText(host.StatePath));
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--json", "--format=text")]
    [InlineData("--history", "--json")]
    public async Task A_format_that_does_not_exist_or_contradicts_another_exits_64(string first, string second)
    {
        using var host = new TempHost();

        var result = await _cli.RunAsync(["status", first, second, "--root", host.RootDirPath]);

        result.ExitCode.Should().Be(64, result.Describe());
    }

    [Fact]
    public async Task History_of_the_demo_shows_two_boots_every_step_and_exits_0()
    {
        // Arrange
        using var host = new TempHost();
        (await _cli.RunAsync(["demo", "--into", host.RootDirPath])).ExitCode.Should().Be(0);

        // Act
        var result = await _cli.RunAsync(["status", "--history", "--root", host.RootDirPath]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        var lines = result.Stdout.Split('\n');
        lines[0].Should().MatchRegex(@"^com\.rig\.bootstrap: history of \d+ journal entries over 2 boot\(s\)$");
        lines.Should().Contain(l => l.StartsWith("  1     sim-boot-1 ", StringComparison.Ordinal) && l.EndsWith("1     0        0", StringComparison.Ordinal),
            "boot 1 ends with the simulated MDM's restart into the new macOS (os-upgrade in mdm mode): rig-bootstrap requests no reboot");
        lines.Should().Contain(l => l.StartsWith("  autologin ", StringComparison.Ordinal) && l.Contains(" 1,2 ", StringComparison.Ordinal));
        foreach (var step in new[] { "age-key", "secrets", "first-deploy", "tcc", "homebrew-bundle", "handoff" })
        {
            lines.Should().ContainSingle(l => l.StartsWith($"  {step} ", StringComparison.Ordinal) && l.EndsWith("Succeeded", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task History_of_a_halted_host_lists_the_halt_and_exits_1()
    {
        using var host = await HaltedHostAsync();

        var result = await _cli.RunAsync(["status", "--history", "--root", host.RootDirPath]);

        result.ExitCode.Should().Be(1, result.Describe());
        result.Stdout.Should().Contain("halted in boot 1 at ").And.Contain(": step second failed 1 times");
    }

    [Fact]
    public async Task History_counts_a_line_torn_by_a_crash_and_keeps_the_entries_appended_after_it()
    {
        // Arrange: the halted host's last journal line loses its second half, as a crash mid-append leaves it.
        using var host = await HaltedHostAsync();
        var journal = File.ReadAllBytes(host.JournalPath);
        var lastLineStart = Array.LastIndexOf(journal, (byte)'\n', journal.Length - 2) + 1;
        File.WriteAllBytes(host.JournalPath, journal[..(lastLineStart + (journal.Length - lastLineStart) / 2)]);
        var entriesBefore = File.ReadAllLines(host.JournalPath).Length - 1;

        // Act: a later run appends after the torn line.
        (await _cli.RunAsync(["run", .. host.HostArguments])).ExitCode.Should().Be(0);
        var result = await _cli.RunAsync(["status", "--history", "--root", host.RootDirPath]);

        // Assert
        result.ExitCode.Should().Be(1, result.Describe());
        result.Stdout.Should().Contain("1 journal line(s) torn by a crash mid-append, skipped");
        var lines = File.ReadAllLines(host.JournalPath);
        lines.Length.Should().BeGreaterThan(entriesBefore + 1, "the later run's entries start on a line of their own");
        lines[(entriesBefore + 1)..].Should().OnlyContain(l => l.StartsWith("{", StringComparison.Ordinal) && l.EndsWith("}", StringComparison.Ordinal));
    }

    private async Task<TempHost> HaltedHostAsync()
    {
        var host = new TempHost();
        try
        {
            var install = await _cli.RunAsync(["install", "--config", host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep), .. host.HostArguments]);
            install.ExitCode.Should().Be(0, install.Describe());
            (await _cli.RunAsync(["run", .. host.HostArguments])).ExitCode.Should().Be(0);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
