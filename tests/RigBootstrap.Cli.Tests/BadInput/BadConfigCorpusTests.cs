using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>docs/invariants.md I9 over the whole bad-config corpus: exit 78, the field and the fix named, an empty root, launchd never asked.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class BadConfigCorpusTests
{
    private readonly RigBootstrapCli _cli;

    public BadConfigCorpusTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    public static TheoryData<string> CaseNames => ConfigCorpus.Names;

    [Fact]
    public void The_corpus_holds_at_least_twenty_configs_beyond_the_first_ten()
    {
        // Act
        var count = ConfigCorpus.Count;

        // Assert
        count.Should().BeGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Install_with_a_corpus_config_exits_78_names_the_field_and_the_fix_and_changes_nothing(string name)
    {
        // Arrange
        var bad = ConfigCorpus.Named(name);
        using var host = new TempHost();
        var config = host.WriteFile("config.json", bad.Bytes);
        var configBefore = FileSnapshot.Take(host.DirPath);

        // Act
        var result = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(78, result.Describe());
        result.Stderr.Should().Contain(config, "the message names the file").And.Contain("(exit 78)");
        foreach (var mention in bad.MessageMentions)
        {
            result.Stderr.Should().Contain(mention, result.Describe());
        }

        Directory.EnumerateFileSystemEntries(host.RootDirPath).Should().BeEmpty("validation comes before any side effect");
        host.LaunchctlCalls().Should().BeEmpty("launchd is not asked anything about a config that cannot run");
        FileSnapshot.Take(host.DirPath).Should().BeEquivalentTo(configBefore, "not even the config file itself is touched");
    }
}
