using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

[Collection(PublishedBinaryCollection.Name)]
public sealed class PlanCommandTests
{
    private readonly RigBootstrapCli _cli;

    public PlanCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Plan_lists_the_steps_in_the_order_their_dependencies_give_and_changes_nothing()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.ListedOutOfOrder);

        // Act
        var result = await _cli.RunAsync(["plan", "--config", config, .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        string[] order = ["alpha-first", "mid-step", "zeta-last", "handoff"];
        var positions = order.Select(id => result.Stdout.IndexOf($" {id} ", StringComparison.Ordinal)).ToList();
        positions.Should().NotContain(-1, $"every step is listed\n{result.Stdout}");
        positions.Should().BeInAscendingOrder($"the steps run in dependency order, not as listed\n{result.Stdout}");
        Directory.EnumerateFileSystemEntries(host.RootDirPath).Should().BeEmpty("plan changes nothing");
        host.LaunchctlCalls().Should().BeEmpty();
    }
}
