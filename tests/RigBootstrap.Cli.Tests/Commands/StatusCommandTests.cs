using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

[Collection(PublishedBinaryCollection.Name)]
public sealed class StatusCommandTests
{
    // docs/design.md §9, the operators' contract, plus lastProgressAt (docs/design.md §10, "stuck in step X for 3 h").
    private static readonly string[] StateFields =
    [
        "schemaVersion", "label", "workflow.state", "workflow.since", "workflow.reason", "bootId", "boots.count",
        "boots.withoutProgress", "steps", "ageRecipient", "handoff.agentLabel", "handoff.verifiedAt", "updatedAt",
        "version", "lastProgressAt",
    ];

    private static readonly string[] StepFields = ["id", "state", "since", "attempts", "lastError", "waitingFor", "nextCheck"];

    private readonly RigBootstrapCli _cli;

    public StatusCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Status_json_on_a_root_the_demo_finished_has_every_field_of_the_state_file_contract_and_exits_0()
    {
        // Arrange
        using var host = new TempHost();
        var demo = await _cli.RunAsync(["demo", "--into", host.RootDirPath]);
        demo.ExitCode.Should().Be(0, demo.Describe());

        // Act
        var result = await _cli.RunAsync(["status", "--json", "--root", host.RootDirPath]);

        // Assert
        result.ExitCode.Should().Be(0, $"0 is the frozen status code for Completed\n{result.Describe()}");
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        StateFields.Where(path => !Has(root, path)).Should().BeEmpty("every documented field is present, even when null");
        var steps = root.GetProperty("steps");
        steps.ValueKind.Should().Be(JsonValueKind.Array);
        steps.GetArrayLength().Should().Be(11, "the demo runs the ten built-in steps of docs/design.md §4 and one command");
        foreach (var step in steps.EnumerateArray())
        {
            StepFields.Where(field => !Has(step, field)).Should().BeEmpty($"step {step} carries every documented field");
        }

        root.GetProperty("workflow").GetProperty("state").GetString().Should().Be("Completed");
        root.GetProperty("handoff").GetProperty("agentLabel").GetString().Should().Be("ai.invotek.rig-deploy");
    }

    [Fact]
    public async Task Status_exits_69_on_an_empty_root_because_nothing_is_installed_there()
    {
        // Arrange
        using var host = new TempHost();

        // Act
        var table = await _cli.RunAsync(["status", "--root", host.RootDirPath]);
        var json = await _cli.RunAsync(["status", "--json", "--root", host.RootDirPath]);

        // Assert
        table.ExitCode.Should().Be(69, table.Describe());
        json.ExitCode.Should().Be(69, json.Describe());
        table.Stderr.Should().Contain("not installed");
        Directory.EnumerateFileSystemEntries(host.RootDirPath).Should().BeEmpty("status only reads");
    }

    [Fact]
    public async Task Status_exits_1_for_a_halted_workflow_and_names_the_retry_that_fixes_it()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep);
        (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);
        (await _cli.RunAsync(["run", .. host.HostArguments])).ExitCode.Should().Be(0, "a halted run exits 0 so launchd does not respawn it");

        // Act
        var result = await _cli.RunAsync(["status", "--root", host.RootDirPath]);

        // Assert
        result.ExitCode.Should().Be(1, result.Describe());
        result.Stdout.Should().Contain("Halted").And.Contain("the brew mirror is down").And.Contain("rig-bootstrap retry second");
    }

    [Fact]
    public async Task Status_takes_the_host_root_from_RIG_BOOTSTRAP_ROOT_when_no_root_is_given()
    {
        // Arrange
        using var host = new TempHost();
        var environment = new Dictionary<string, string> { ["RIG_BOOTSTRAP_ROOT"] = host.RootDirPath };

        // Act
        var result = await _cli.RunAsync(["status"], environment);

        // Assert
        result.ExitCode.Should().Be(69, result.Describe());
        result.Stderr.Should().Contain(host.StatePath, "the state is looked for under the root the variable names");
    }

    /// <summary>True when the dotted property path exists; a present null counts, a missing property does not.</summary>
    private static bool Has(JsonElement element, string dottedPath)
    {
        foreach (var name in dottedPath.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return false;
            }
        }

        return true;
    }
}
