using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>docs/invariants.md I1 and I9 over the bad-state corpus: `run` and `status` refuse with 65, name the fix and change no file.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class BadStateCorpusTests
{
    private readonly RigBootstrapCli _cli;

    public BadStateCorpusTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    public static TheoryData<string> CaseNames => StateCorpus.Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public Task Run_and_status_on_a_corpus_state_exit_65_name_reset_all_and_change_no_file(string name) =>
        AssertRefusedAsync(name);

    [Fact]
    public Task A_workflow_state_written_as_a_number_is_refused_with_65() => AssertRefusedAsync("workflow-state-is-a-number");

    [Fact]
    public Task A_newer_state_is_not_replaced_by_an_older_prev() => AssertRefusedAsync("newer-schemaVersion-with-an-older-prev");

    [Fact]
    public Task A_lost_state_with_a_journal_is_refused_with_65_by_run_and_status() => AssertRefusedAsync("state-deleted-journal-kept");

    [Fact]
    public Task A_directory_in_place_of_the_state_file_is_refused_with_65() => AssertRefusedAsync("state-is-a-directory");

    private async Task AssertRefusedAsync(string name)
    {
        // Arrange
        var bad = StateCorpus.Named(name);
        using var host = new TempHost();
        await InstallAsync(host);
        bad.Damage(host);
        var before = HostFileBytes.Take(host.RootDirPath);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);
        var status = await _cli.RunAsync(["status", "--root", host.RootDirPath]);

        // Assert
        foreach (var result in new[] { run, status })
        {
            result.ExitCode.Should().Be(65, result.Describe());
            result.Stderr.Should().Contain(host.StatePath).And.Contain("rig-bootstrap reset --all").And.Contain("(exit 65)");
            foreach (var mention in bad.MessageMentions)
            {
                result.Stderr.Should().Contain(mention, result.Describe());
            }
        }

        HostFileBytes.Take(host.RootDirPath).Should().BeEquivalentTo(before, "a state that cannot be trusted is left as it was");
    }

    private async Task InstallAsync(TempHost host)
    {
        var config = host.WriteFile("config.json", StateCorpus.Config);
        var install = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
    }
}
