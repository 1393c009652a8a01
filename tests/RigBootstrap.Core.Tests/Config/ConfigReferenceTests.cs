using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Config.Parsing;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Config;

/// <summary>
/// docs/config.md and docs/config.schema.json name exactly the fields the reader accepts: its known-field table
/// (<see cref="ConfigObjectShape"/>), which every object the reader opens must go through.
/// </summary>
public sealed partial class ConfigReferenceTests
{
    private static readonly string ConfigMdPath = Path.Join(RepositoryRoot.Find(), "docs", "config.md");

    public static TheoryData<string> ReaderFieldPaths => [.. ReaderFields()];

    [Fact]
    public void The_known_field_table_lists_every_shape_it_declares()
    {
        // Arrange
        var declared = typeof(ConfigObjectShape).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ConfigObjectShape))
            .Select(f => (ConfigObjectShape)f.GetValue(null)!)
            .ToList();

        // Act
        var listed = ConfigObjectShape.All;

        // Assert
        declared.Should().HaveCountGreaterThan(20);
        listed.Should().BeEquivalentTo(declared, "All is what the tests walk, so it must hold every shape the reader can open");
        listed.Select(s => s.Path).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(ReaderFieldPaths))]
    public void Every_field_the_reader_accepts_is_in_the_schema(string fieldPath)
    {
        // Act
        var schemaFields = SchemaFields();

        // Assert
        schemaFields.Should().Contain(fieldPath, "docs/config.schema.json must describe every field the reader accepts");
    }

    [Theory]
    [MemberData(nameof(ReaderFieldPaths))]
    public void Every_field_the_reader_accepts_is_documented_in_config_md(string fieldPath)
    {
        // Act
        var text = File.ReadAllText(ConfigMdPath);

        // Assert
        text.Should().Contain($"`{fieldPath}`", "docs/config.md documents every field by its full path");
    }

    [Fact]
    public void The_schema_has_no_field_the_reader_would_refuse()
    {
        // Act
        var extra = SchemaFields().Except(ReaderFields()).ToList();

        // Assert
        extra.Should().BeEmpty("a field in the schema but not in the reader's table passes the editor and fails install");
    }

    [Fact]
    public void Every_object_in_the_schema_refuses_unknown_fields_as_the_reader_does()
    {
        // Act
        var open = SchemaObjects(ConfigSchema.Document, "")
            .Where(o => o.Schema["additionalProperties"]?.GetValueKind() != System.Text.Json.JsonValueKind.False)
            .Select(o => o.Path.Length == 0 ? "(root)" : o.Path)
            .ToList();

        // Assert
        open.Should().BeEmpty();
    }

    [Fact]
    public void Config_md_documents_no_field_the_reader_would_refuse()
    {
        // Arrange: the field cells of the reference tables, such as | `steps.xcode.version` | … or | `tools.git` | … |.
        var documented = File.ReadLines(ConfigMdPath)
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => line.Split('|').Select(cell => cell.Trim()))
            .Select(cell => FieldCell().Match(cell))
            .Where(match => match.Success)
            .Select(match => match.Groups["path"].Value)
            .ToList();

        // Act
        var unknown = documented.Except(ReaderFields()).ToList();

        // Assert
        documented.Should().HaveCountGreaterThan(80);
        unknown.Should().BeEmpty();
    }

    [Fact]
    public void The_schema_lists_the_grantable_tcc_services_the_built_in_ids_and_the_xcode_platforms_of_the_code()
    {
        // Arrange
        var steps = ConfigSchema.Document["properties"]!["steps"]!["properties"]!;
        var grantable = PppcServices.PayloadKeys.Select(k => PppcServices.ServicePrefix + k).Except(PppcServices.DenyOnly);

        // Act
        var services = Strings(steps["tcc"]!["properties"]!["grants"]!["items"]!["properties"]!["service"]!["enum"]!);
        var platforms = Strings(steps["xcode"]!["properties"]!["platforms"]!["items"]!["enum"]!);
        var reservedIds = Strings(ConfigSchema.Document["properties"]!["commands"]!["items"]!["properties"]!["id"]!["not"]!["enum"]!);

        // Assert
        services.Should().BeEquivalentTo(grantable);
        platforms.Should().Equal(XcodeConfig.KnownPlatforms);
        reservedIds.Should().BeEquivalentTo(BuiltInStepIds.All);
    }

    [Fact]
    public void The_schema_defaults_are_the_readers_defaults()
    {
        // Arrange
        var root = ConfigSchema.Document["properties"]!;
        var command = root["commands"]!["items"]!["properties"]!;
        var defaults = new (JsonNode? Node, object Expected)[]
        {
            (root["label"]!["default"], new BootstrapConfig { Agent = new AgentConfig { User = "a", Home = "/a" } }.Label),
            (root["reboot"]!["properties"]!["maxBootsWithoutProgress"]!["default"], new RebootConfig().MaxBootsWithoutProgress),
            (root["reboot"]!["properties"]!["maxRebootsPerStep"]!["default"], new RebootConfig().MaxRebootsPerStep),
            (root["reboot"]!["properties"]!["maxReboots"]!["default"], new RebootConfig().MaxReboots),
            (root["reboot"]!["properties"]!["shutdownGrace"]!["default"], new RebootConfig().ShutdownGrace.ToString("c")),
            (root["daemon"]!["properties"]!["throttleIntervalSeconds"]!["default"], new DaemonConfig().ThrottleIntervalSeconds),
            (root["daemon"]!["properties"]!["maxCrashesPerBoot"]!["default"], new DaemonConfig().MaxCrashesPerBoot),
            (root["steps"]!["properties"]!["firstDeploy"]!["properties"]!["startIntervalSeconds"]!["default"], FirstDeployConfig.DefaultStartIntervalSeconds),
            (root["steps"]!["properties"]!["osUpgrade"]!["properties"]!["mdmDeadline"]!["default"], OsUpgradeConfig.DefaultMdmDeadline.ToString("c")),
            (root["steps"]!["properties"]!["handoff"]!["properties"]!["stableFor"]!["default"], new HandoffConfig { AgentLabel = "a.b" }.StableFor.ToString("c")),
            (root["steps"]!["properties"]!["handoff"]!["properties"]!["timeout"]!["default"], new HandoffConfig { AgentLabel = "a.b" }.Timeout.ToString("c")),
            (command["retry"]!["properties"]!["attempts"]!["default"], new RetryConfig().Attempts),
            (command["retry"]!["properties"]!["backoff"]!["default"], new RetryConfig().Backoff.ToString("c")),
            (command["timeout"]!["default"], new CommandStepConfig { Id = "a", Run = [] }.Timeout.ToString("c")),
        };

        // Act
        var mismatches = defaults.Where(d => d.Node?.ToString() != Convert.ToString(d.Expected, System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => $"{d.Node?.GetPath()}: schema {d.Node?.ToJsonString() ?? "(none)"}, reader {d.Expected}")
            .ToList();

        // Assert
        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Config_md_gives_each_tool_the_default_path_of_the_tool_table()
    {
        // Arrange: | `tools.git` | `/usr/bin/git` | `tools.id` | `/usr/bin/id` |
        var table = new ToolTable(null, System.Collections.Immutable.ImmutableDictionary<string, string>.Empty);
        var documented = ToolRow().Matches(File.ReadAllText(ConfigMdPath))
            .ToDictionary(m => m.Groups["tool"].Value, m => m.Groups["path"].Value, StringComparer.Ordinal);

        // Act
        var wrong = ToolNames.All.Where(tool => !documented.TryGetValue(tool, out var path) || path != table.PathOf(tool))
            .Select(tool => $"{tool}: config.md {(documented.TryGetValue(tool, out var path) ? path : "(missing)")}, tool table {table.PathOf(tool)}")
            .ToList();

        // Assert
        wrong.Should().BeEmpty();
    }

    private static IEnumerable<string> ReaderFields() =>
        ConfigObjectShape.All.SelectMany(shape => shape.Fields.Select(shape.FieldPath));

    private static List<string> SchemaFields() =>
        [.. SchemaObjects(ConfigSchema.Document, "").SelectMany(o =>
            o.Schema["properties"]!.AsObject().Select(p => o.Path.Length == 0 ? p.Key : $"{o.Path}.{p.Key}"))];

    // Every object schema reachable through properties and items, with its pattern path (commands[].retry).
    private static IEnumerable<(string Path, JsonObject Schema)> SchemaObjects(JsonObject schema, string path)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            yield break;
        }

        yield return (path, schema);
        foreach (var (name, value) in properties)
        {
            var child = path.Length == 0 ? name : $"{path}.{name}";
            if (value is not JsonObject field)
            {
                continue;
            }

            foreach (var nested in SchemaObjects(field, child))
            {
                yield return nested;
            }

            if (field["items"] is JsonObject items)
            {
                foreach (var nested in SchemaObjects(items, child + "[]"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static List<string> Strings(JsonNode array) => [.. array.AsArray().Select(n => n!.GetValue<string>())];

    [GeneratedRegex(@"`tools\.(?<tool>[A-Za-z0-9_-]+)` \| `(?<path>/[^`]+)`")]
    private static partial Regex ToolRow();

    [GeneratedRegex(@"^`(?<path>(\$schema|label|platform|agent|reboot|daemon|steps|commands|events|tools)[A-Za-z0-9_.\[\]-]*)`$")]
    private static partial Regex FieldCell();
}
