using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>events.url through the published (trimmed) binary: every transition reaches a listener on 127.0.0.1.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class RunEventsTests(PublishedBinary binary)
{
    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task A_run_with_events_url_posts_every_transition_including_completed()
    {
        // Arrange
        using var receiver = new EventReceiver();
        using var host = new TempHost();
        await InstallOneCommandAsync(host, receiver);

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(0, run.Describe());
        var events = receiver.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        events.Should().Contain(e => e.GetProperty("step").GetString() == "only" && e.GetProperty("to").GetString() == "Succeeded");
        events.Should().Contain(e => e.GetProperty("to").GetString() == "Completed", "the outbox drains before the daemon unloads itself");
        events.Select(e => e.GetProperty("sequence").GetInt64()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_host_upgraded_from_a_build_with_an_outbox_file_gets_its_remainder_first_then_the_journal_with_no_id_twice()
    {
        // Arrange: the previous build's outbox holds two events and its cursor says the first was delivered.
        using var receiver = new EventReceiver();
        using var host = new TempHost();
        await InstallOneCommandAsync(host, receiver);
        var events = Path.Join(host.StateDirPath, "events");
        Directory.CreateDirectory(events);
        File.WriteAllText(Path.Join(events, "outbox.jsonl"),
            """{"id":"old-name:com.rig.bootstrap:1","host":"old-name","label":"com.rig.bootstrap","step":null,"from":"Running","to":"Halted","reason":"old","bootId":"b","time":"2026-11-25T12:00:00+00:00","sequence":1}""" + "\n" +
            """{"id":"old-name:com.rig.bootstrap:2","host":"old-name","label":"com.rig.bootstrap","step":null,"from":"Halted","to":"Running","reason":"old","bootId":"b","time":"2026-11-25T12:00:01+00:00","sequence":2}""" + "\n");
        File.WriteAllText(Path.Join(events, "delivered.json"), "{\"lastDeliveredSequence\":1}\n");
        var journalLinesBefore = File.ReadAllLines(host.JournalPath).Length;

        // Act
        var run = await _cli.RunAsync(["run", .. host.HostArguments]);

        // Assert
        run.ExitCode.Should().Be(0, run.Describe());
        var taken = receiver.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        taken[0].GetProperty("id").GetString().Should().Be("old-name:com.rig.bootstrap:2", "the earlier outbox's remainder goes first, with its own id");
        taken.Skip(1).Should().NotBeEmpty().And.OnlyContain(e => e.GetProperty("sequence").GetInt64() > journalLinesBefore,
            "then the journal from where it ended at the upgrade: what came before was in the old outbox");
        taken[^1].GetProperty("to").GetString().Should().Be("Completed");
        taken.Select(e => e.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems();
        File.Exists(Path.Join(events, "outbox.jsonl")).Should().BeFalse("the earlier outbox is removed once delivered");
    }

    private async Task InstallOneCommandAsync(TempHost host, EventReceiver receiver)
    {
        var config = host.WriteFile("config.json", $$"""
            {
              "agent": { "user": "rig", "home": "/Users/rig" },
              "commands": [ { "id": "only", "run": ["/bin/true"] } ],
              "events": { "url": "{{receiver.Url}}" }
            }
            """);
        (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);
    }
}
