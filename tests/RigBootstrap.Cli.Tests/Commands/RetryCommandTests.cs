using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

[Collection(PublishedBinaryCollection.Name)]
public sealed class RetryCommandTests
{
    private readonly RigBootstrapCli _cli;

    public RetryCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
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

    [Fact]
    public async Task Retry_and_reset_reach_the_event_receiver_through_the_journal_each_id_once()
    {
        // Arrange: a run that halts on `second`, with every event delivered.
        using var receiver = new EventReceiver();
        using var host = new TempHost();
        var config = host.WriteFile("config.json", "{\n  \"events\": { \"url\": \"" + receiver.Url + "\" }," + TestConfigs.HaltsOnSecondStep.TrimStart()[1..]);
        (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);
        var halted = await _cli.RunAsync(["run", .. host.HostArguments]);
        halted.ExitCode.Should().Be(0, halted.Describe());
        var beforeRetry = receiver.Bodies.Count;

        // Act: each operator action, then the run launchd would start.
        var retry = await _cli.RunAsync(["retry", "second", .. host.HostArguments]);
        await _cli.RunAsync(["run", .. host.HostArguments]);
        var afterRetry = Moves(receiver.Bodies.Skip(beforeRetry));
        var beforeReset = receiver.Bodies.Count;
        var reset = await _cli.RunAsync(["reset", "--all", .. host.HostArguments]);
        await _cli.RunAsync(["run", .. host.HostArguments]);
        var afterReset = Moves(receiver.Bodies.Skip(beforeReset));

        // Assert
        retry.ExitCode.Should().Be(0, retry.Describe());
        reset.ExitCode.Should().Be(0, reset.Describe());
        Moves(receiver.Bodies.Take(beforeRetry)).Should().EndWith("workflow Running->Halted");
        afterRetry.Should().StartWith(["second Failed->Pending", "workflow Halted->Running"]).And.EndWith("workflow Running->Halted");
        afterReset.Should().StartWith("workflow Halted->Installed");
        receiver.Bodies.Select(b => System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems();
    }

    private static List<string> Moves(IEnumerable<string> bodies) =>
        [.. bodies.Select(b => System.Text.Json.JsonDocument.Parse(b).RootElement).Select(Reliability.DeliveredEvents.Describe)];
}
