using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Json.Schema;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>
/// The bad-config corpus against docs/config.schema.json: `install` refuses every case (<see cref="BadConfigCorpusTests"/>),
/// so the schema must refuse every case too, except the rules only the reader can check, listed here by name with the
/// reason (docs/config.md, "What only the reader checks"). A case the schema accepts and is not listed fails, and so
/// does a listed case the schema refuses, so the list stays exact.
/// </summary>
public sealed class ConfigCorpusSchemaTests
{
    private const string Accepted = "accepted";

    /// <summary>Corpus cases the schema cannot refuse, and why.</summary>
    public static readonly ImmutableDictionary<string, string> OnlyTheReaderRefuses = new Dictionary<string, string>
    {
        ["duplicate-keys"] = "a field set twice: the JSON parser keeps both copies and the schema sees a valid object each time",
        ["two-mebibyte-file"] = "the 1 MiB limit is on the file, not on any value",
        ["dependsOn-unknown-step"] = "which ids exist is only known from the whole config",
        ["dependsOn-self"] = "a dependency cycle needs a graph walk",
        ["dependsOn-cycle-of-3"] = "a dependency cycle needs a graph walk",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Join(RepositoryRoot.Find(), "docs", "config.schema.json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static TheoryData<string> CaseNames => ConfigCorpus.Names;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_corpus_config_is_refused_by_the_schema_unless_only_the_reader_can_refuse_it(string name)
    {
        // Arrange
        var bad = ConfigCorpus.Named(name);

        // Act
        var verdict = SchemaVerdict(bad.Bytes);

        // Assert
        if (OnlyTheReaderRefuses.TryGetValue(name, out var reason))
        {
            verdict.Should().Be(Accepted, $"{name} is listed as beyond the schema ({reason}); if the schema refuses it now, remove it from the list");
        }
        else
        {
            verdict.Should().NotBe(Accepted, $"install refuses {name}, so an editor using docs/config.schema.json must flag it too");
        }
    }

    [Fact]
    public void Every_case_listed_as_beyond_the_schema_is_in_the_corpus()
    {
        // Act
        var missing = OnlyTheReaderRefuses.Keys.Where(name => !ConfigCorpus.Names.Contains(name)).ToList();

        // Assert
        missing.Should().BeEmpty();
    }

    // What an editor holding the file to the schema sees: bytes that are not UTF-8 or not JSON are flagged before the
    // schema applies (a byte order mark is fine, as for the reader); otherwise the schema's verdict.
    private static string SchemaVerdict(byte[] bytes)
    {
        ReadOnlySpan<byte> utf8 = bytes;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (!Utf8.IsValid(utf8))
        {
            return "not UTF-8";
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Encoding.UTF8.GetString(utf8),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return $"not JSON: {ex.Message}";
        }

        using (document)
        {
            var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            return results.IsValid ? Accepted : "refused by the schema";
        }
    }
}
