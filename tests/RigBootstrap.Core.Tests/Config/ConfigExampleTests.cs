using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Config;

/// <summary>
/// Every example config in the repository is valid for both the reader and docs/config.schema.json: whole configs
/// (fixtures, the demo config, the JSON blocks of docs/ and README.md that hold an "agent") and the fragments the
/// docs show of one section (a block of one or more <c>"name": { … }</c> lines), each against its section's schema.
/// </summary>
public sealed partial class ConfigExampleTests
{
    private static readonly string Root = RepositoryRoot.Find();

    public static TheoryData<string> WholeConfigs => [.. WholeConfigExamples().Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> Fragments => [.. FragmentExamples().Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(WholeConfigs))]
    public void A_whole_example_config_is_accepted_by_the_reader_and_the_schema(string name)
    {
        // Arrange
        var json = WholeConfigExamples()[name];

        // Act
        var parse = () => ConfigLoader.Parse(json, name);
        var problems = ConfigSchema.Problems(json);

        // Assert
        parse.Should().NotThrow();
        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Fragments))]
    public void A_fragment_in_the_docs_is_valid_for_its_sections_schema(string name)
    {
        // Arrange
        var (pointer, json) = FragmentExamples()[name];

        // Act
        var problems = ConfigSchema.ProblemsAt(pointer, json);

        // Assert
        problems.Should().BeEmpty();
    }

    [Fact]
    public void The_examples_include_the_fixtures_the_demo_config_and_the_docs()
    {
        // Act
        var whole = WholeConfigExamples().Keys.ToList();
        var fragments = FragmentExamples().Keys.ToList();

        // Assert
        whole.Should().Contain(n => n.StartsWith("tests/Fixtures/configs/", StringComparison.Ordinal))
            .And.Contain(n => n.EndsWith("DemoConfig.json", StringComparison.Ordinal))
            .And.Contain(n => n.StartsWith("docs/config.md", StringComparison.Ordinal));
        fragments.Should().Contain(n => n.StartsWith("docs/os-upgrade.md", StringComparison.Ordinal))
            .And.Contain(n => n.StartsWith("docs/tcc.md", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> WholeConfigExamples()
    {
        var examples = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Join(Root, "tests", "Fixtures", "configs"), "*.json"))
        {
            examples[Path.GetRelativePath(Root, file).Replace('\\', '/')] = File.ReadAllText(file);
        }

        examples["src/RigBootstrap.Core/Simulation/DemoConfig.json"] =
            File.ReadAllText(Path.Join(Root, "src", "RigBootstrap.Core", "Simulation", "DemoConfig.json"));
        foreach (var (name, block) in JsonBlocks().Where(b => b.Text.TrimStart().StartsWith('{')))
        {
            using var document = JsonDocument.Parse(block, ConfigSchema.JsoncOptions);
            if (document.RootElement.TryGetProperty("agent", out _))
            {
                examples[name] = block;
            }
        }

        return examples;
    }

    private static Dictionary<string, (string Pointer, string Json)> FragmentExamples()
    {
        var fragments = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (name, block) in JsonBlocks().Where(b => b.Text.TrimStart().StartsWith('"')))
        {
            // One fragment per line that starts at column 0 with a quoted name; its continuation lines are indented.
            var starts = block.Split('\n').Select((line, i) => (line, i)).Where(l => l.line.StartsWith('"')).Select(l => l.i).ToList();
            var lines = block.Split('\n');
            for (var k = 0; k < starts.Count; k++)
            {
                var end = k + 1 < starts.Count ? starts[k + 1] : lines.Length;
                var fragment = JsonNode.Parse("{" + string.Join('\n', lines[starts[k]..end]) + "}", documentOptions: ConfigSchema.JsoncOptions)!.AsObject();
                var (key, value) = fragment.Single();
                fragments[$"{name} #{k + 1} ({key})"] = (SectionPointer(key), value!.ToJsonString());
            }
        }

        return fragments;
    }

    // The JSON Pointer of the one object property called `name` anywhere in the schema, such as /properties/steps/properties/tcc.
    private static string SectionPointer(string name)
    {
        var found = new List<string>();
        Walk(ConfigSchema.Document, "");
        found.Should().ContainSingle($"a docs fragment's name ({name}) must name one section of the schema");
        return found[0];

        void Walk(JsonObject schema, string pointer)
        {
            if (schema["properties"] is not JsonObject properties)
            {
                return;
            }

            foreach (var (key, value) in properties)
            {
                if (value is not JsonObject child)
                {
                    continue;
                }

                var childPointer = $"{pointer}/properties/{key}";
                if (key == name && child["properties"] is not null)
                {
                    found.Add(childPointer);
                }

                Walk(child, childPointer);
                if (child["items"] is JsonObject items)
                {
                    Walk(items, childPointer + "/items");
                }
            }
        }
    }

    // The ```json blocks of README.md and docs/*.md, named file:line.
    private static IEnumerable<(string Name, string Text)> JsonBlocks()
    {
        var files = Directory.GetFiles(Path.Join(Root, "docs"), "*.md").Append(Path.Join(Root, "README.md"));
        foreach (var file in files.Where(File.Exists))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            foreach (Match block in JsonBlock().Matches(text))
            {
                var line = text[..block.Index].Count(c => c == '\n') + 1;
                yield return ($"{relative}:{line}", block.Groups["body"].Value);
            }
        }
    }

    [GeneratedRegex(@"^[ ]*```json\n(?<body>.*?)^[ ]*```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
