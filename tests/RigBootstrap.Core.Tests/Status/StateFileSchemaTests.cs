using System.Text.Json;

namespace RigBootstrap.Core.Tests.Status;

/// <summary>The state file of every kind of scenario matches docs/state-file.schema.json, and the schema is strict enough to notice a renamed field.</summary>
public sealed class StateFileSchemaTests
{
    // The demo takes seconds (its handoff waits out a stability window); the renaming tests share one run of it.
    private static readonly Lazy<Task<string>> DemoJson = new(() => ScenarioStates.JsonOfAsync("demo"));

    public static TheoryData<string> Scenarios => [.. ScenarioStates.Names];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_state_file_of_each_scenario_matches_the_schema(string scenario)
    {
        // Arrange
        var json = await ScenarioStates.JsonOfAsync(scenario);

        // Act
        var errors = Validate(json);

        // Assert
        errors.Should().BeEmpty($"the {scenario} state file must match docs/state-file.schema.json:\n{json}");
    }

    [Theory]
    [InlineData("\"waitingFor\":", "\"waitFor\":", "'waitFor' is not a property the schema allows")]
    [InlineData("\"lastProgressAt\":", "\"lastProgress\":", "'lastProgressAt' is required")]
    [InlineData("\"state\": \"Completed\"", "\"state\": \"Done\"", "\"Done\" is not one of")]
    [InlineData("\"count\":", "\"bootCount\":", "'count' is required")]
    public async Task A_renamed_field_or_value_breaks_the_schema(string original, string renamed, string error)
    {
        // Arrange
        var json = await DemoJson.Value;
        json.Should().Contain(original);

        // Act
        var errors = Validate(json.Replace(original, renamed, StringComparison.Ordinal));

        // Assert
        errors.Should().Contain(e => e.Contains(error, StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Validate(string json)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath()));
        using var instance = JsonDocument.Parse(json);
        return SchemaSubsetValidator.Validate(schema.RootElement, instance.RootElement);
    }

    private static string SchemaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Join(dir.FullName, "docs", "state-file.schema.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/state-file.schema.json is not above the test binaries; run the tests from the repository.");
    }
}
