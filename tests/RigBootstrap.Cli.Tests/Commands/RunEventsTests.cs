using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>events.url through the published (trimmed) binary: every transition reaches a listener on 127.0.0.1.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class RunEventsTests(PublishedBinary binary)
{
    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact(Timeout = 120000)]
    public async Task A_run_with_events_url_posts_every_transition_including_completed()
    {
        // Arrange
        using var receiver = new EventReceiver();
        using var host = new TempHost();
        var config = host.WriteFile("config.json", $$"""
            {
              "agent": { "user": "rig", "home": "/Users/rig" },
              "commands": [ { "id": "only", "run": ["/bin/true"] } ],
              "events": { "url": "{{receiver.Url}}" }
            }
            """);
        (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(0, run.Describe());
        var events = receiver.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        events.Should().Contain(e => e.GetProperty("step").GetString() == "only" && e.GetProperty("to").GetString() == "Succeeded");
        events.Should().Contain(e => e.GetProperty("to").GetString() == "Completed", "the outbox drains before the daemon unloads itself");
        events.Select(e => e.GetProperty("sequence").GetInt64()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }
}
