using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>docs/invariants.md I9: bad input gets a clear error and changes nothing.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class InstallCommandConfigErrorTests
{
    private readonly RigBootstrapCli _cli;

    public InstallCommandConfigErrorTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    public static TheoryData<string> BadConfigNames => BadConfigs.Names;

    [Theory]
    [MemberData(nameof(BadConfigNames))]
    public async Task Install_with_a_bad_config_exits_78_names_the_field_and_the_fix_and_creates_nothing(string name)
    {
        // Arrange
        var bad = BadConfigs.Named(name);
        using var host = new TempHost();
        var config = host.WriteFile("config.json", bad.Bytes);

        // Act
        var result = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(78, result.Describe());
        result.Stderr.Should().Contain(config, "the message names the file");
        foreach (var mention in bad.MessageMentions)
        {
            result.Stderr.Should().Contain(mention);
        }

        Directory.EnumerateFileSystemEntries(host.RootDirPath).Should().BeEmpty("validation comes before any side effect");
        host.LaunchctlCalls().Should().BeEmpty("launchd is not asked anything about a config that cannot run");
    }

    [Fact]
    public async Task Install_with_a_config_file_that_does_not_exist_exits_78_and_creates_nothing()
    {
        // Arrange
        using var host = new TempHost();
        var missing = Path.Join(host.DirPath, "no-such-config.json");

        // Act
        var result = await _cli.RunAsync(["install", "--config", missing, .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(78, result.Describe());
        result.Stderr.Should().Contain(missing).And.Contain("file not found");
        Directory.EnumerateFileSystemEntries(host.RootDirPath).Should().BeEmpty();
    }
}
