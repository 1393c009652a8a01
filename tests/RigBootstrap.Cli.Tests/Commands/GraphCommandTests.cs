using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

[Collection(PublishedBinaryCollection.Name)]
public sealed class GraphCommandTests
{
    private readonly RigBootstrapCli _cli;

    public GraphCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Graph_prints_a_Mermaid_flowchart_of_the_config_steps()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.ListedOutOfOrder);

        // Act
        var result = await _cli.RunAsync(["graph", "--config", config, "--root", host.RootDirPath]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Split('\n')[0].Should().StartWith("flowchart");
        result.Stdout.Should().Contain("alpha-first").And.Contain("mid-step").And.Contain("zeta-last").And.Contain("handoff");
        result.Stdout.Should().Contain("-->");
        Directory.EnumerateFileSystemEntries(host.RootDirPath).Should().BeEmpty("graph only describes");
    }

    [Fact]
    public async Task Graph_with_lifecycle_prints_the_Mermaid_state_diagrams()
    {
        // Act
        var result = await _cli.RunAsync(["graph", "--lifecycle"]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Split('\n')[0].Should().StartWith("stateDiagram-v2");
        result.Stdout.Should().Contain("Completed").And.Contain("Halted");
    }
}
