using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>Bad state that is not simply refused: a torn file recovered from .prev (docs/invariants.md I1), and a step the config lacks.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class StateOutcomeTests
{
    private readonly RigBootstrapCli _cli;

    public StateOutcomeTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task A_truncated_state_with_a_good_prev_is_recovered_and_the_journal_says_so()
    {
        // Arrange
        using var host = await InstalledHostAsync();
        File.Copy(host.StatePath, host.PreviousStatePath);
        File.WriteAllText(host.StatePath, File.ReadAllText(host.StatePath)[..200]);
        var before = HostFileBytes.Take(host.RootDirPath);

        // Act
        var status = await _cli.RunAsync(["status", "--root", host.RootDirPath]);
        var afterStatus = HostFileBytes.Take(host.RootDirPath);
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);
        var statusAfterRun = await _cli.RunAsync(["status", "--root", host.RootDirPath]);

        // Assert
        status.ExitCode.Should().Be(2, "status reads the previous copy: still Installed\n" + status.Describe());
        afterStatus.Should().BeEquivalentTo(before, "status only reads; the recovery is the daemon's to make");
        run.ExitCode.Should().Be(0, run.Describe());
        var journal = File.ReadAllText(host.JournalPath);
        journal.Should().Contain("recovered").And.Contain(host.PreviousStatePath.Replace("\\", "\\\\", StringComparison.Ordinal));
        statusAfterRun.ExitCode.Should().Be(0, "the recovered workflow ran to Completed\n" + statusAfterRun.Describe());
    }

    [Fact]
    public async Task A_state_naming_a_step_the_config_lacks_halts_with_the_documented_message()
    {
        // Arrange
        using var host = await InstalledHostAsync();
        File.WriteAllText(host.StatePath,
            StateCorpus.Replace(File.ReadAllText(host.StatePath), "\"id\": \"second\"", "\"id\": \"ghost\""));

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);
        var status = await _cli.RunAsync(["status", "--root", host.RootDirPath]);

        // Assert
        run.ExitCode.Should().Be(0, "the run ended Halted, so launchd must not restart it\n" + run.Describe());
        status.ExitCode.Should().Be(1, status.Describe());
        status.Stdout.Should().Contain("Halted")
            .And.Contain("the state file has step(s) ghost that the config no longer defines")
            .And.Contain("rig-bootstrap reset --all");
        File.ReadAllText(host.StatePath).Should().NotContain("\"Succeeded\"", "no step runs against a state that does not match");
    }

    private async Task<TempHost> InstalledHostAsync()
    {
        var host = new TempHost();
        var config = host.WriteFile("config.json", StateCorpus.Config);
        var install = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
        return host;
    }
}
