using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>docs/config.schema.json, loaded once, with the validator the tests hold the configs to (JsonSchema.Net, test-only).</summary>
internal static class ConfigSchema
{
    private static readonly Lazy<Loaded> Schema = new(Load);

    /// <summary>How the reader parses the config: comments and trailing commas allowed.</summary>
    public static JsonDocumentOptions JsoncOptions { get; } = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static string FilePath { get; } = Path.Join(RepositoryRoot.Find(), "docs", "config.schema.json");

    /// <summary>The schema's text as a tree, for walking its properties.</summary>
    public static JsonObject Document => Schema.Value.Document;

    /// <summary>The problems the schema finds in <paramref name="json"/> (JSON with comments); empty when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json, JsoncOptions);
        return Problems(Schema.Value.Root, document.RootElement);
    }

    /// <summary>The problems of <paramref name="json"/> against the subschema at <paramref name="pointer"/>, such as <c>/properties/steps</c>.</summary>
    public static IReadOnlyList<string> ProblemsAt(string pointer, string json)
    {
        var loaded = Schema.Value;
        var reference = JsonSchema.FromText($$"""{ "$ref": "{{loaded.Root.BaseUri}}#{{pointer}}" }""", loaded.Options);
        using var document = JsonDocument.Parse(json, JsoncOptions);
        return Problems(reference, document.RootElement);
    }

    private static IReadOnlyList<string> Problems(JsonSchema schema, JsonElement instance)
    {
        var results = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).DefaultIfEmpty("invalid")];
    }

    private static Loaded Load()
    {
        var text = File.ReadAllText(FilePath);
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var root = JsonSchema.FromText(text, options);
        return new Loaded(root, options, JsonNode.Parse(text)!.AsObject());
    }

    private sealed record Loaded(JsonSchema Root, BuildOptions Options, JsonObject Document);
}
