using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

[Collection(PublishedBinaryCollection.Name)]
public sealed class RetryCommandTests
{
    private readonly RigBootstrapCli _cli;

    public RetryCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact(Timeout = 120000)]
    public async Task Retry_of_a_step_the_workflow_does_not_have_exits_64_and_lists_the_steps_it_has()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep);
        (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);
        var stateBefore = File.ReadAllBytes(host.StatePath);
        var journalBefore = File.ReadAllBytes(host.JournalPath);

        // Act
        var result = await _cli.RunAsync(["retry", "nosuchstep", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(64, result.Describe());
        result.Stderr.Should().Contain("nosuchstep").And.Contain("first, second");
        File.ReadAllBytes(host.StatePath).Should().Equal(stateBefore, "a refused retry leaves the state alone");
        File.ReadAllBytes(host.JournalPath).Should().Equal(journalBefore, "and journals nothing");
    }
}
