using System.Collections.Immutable;
using System.Text;

namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>One config per kind of mistake an operator makes (docs/design.md §8, docs/invariants.md I9), each otherwise valid.</summary>
public static class BadConfigs
{
    private const string Agent = TestConfigs.Agent;

    private static readonly ImmutableDictionary<string, BadConfig> ByName = new[]
    {
        Text("unknown-field",
            $$"""{ {{Agent}}, "comands": [], "commands": [ { "id": "a", "run": ["/bin/true"] } ] }""",
            "comands is not a known field", "did you mean `commands`"),
        Text("missing-agent",
            """{ "commands": [ { "id": "a", "run": ["/bin/true"] } ] }""",
            "agent is missing", "add \"agent\":"),
        Text("bad-duration",
            $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"], "retry": { "backoff": "soon" } } ] }""",
            "commands[0].retry.backoff", "\"soon\"", "hh:mm:ss"),
        Text("bad-version",
            $$"""{ {{Agent}}, "steps": { "osUpgrade": { "minimumVersion": "fifteen" } } }""",
            "steps.osUpgrade.minimumVersion", "\"fifteen\"", "such as 15.1"),
        Text("duplicate-step-id",
            $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"] }, { "id": "a", "run": ["/bin/true"] } ] }""",
            "commands[1].id", "duplicate", "give each command its own id"),
        Text("not-json",
            "this is not json\n",
            "not valid JSON", "line 1", "fix the JSON there"),
        new BadConfig
        {
            Name = "invalid-utf8",
            Bytes = [.. Encoding.UTF8.GetBytes("{ \"agent\": { \"user\": \"r"), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("g\", \"home\": \"/Users/rig\" } }")],
            MessageMentions = ["not valid UTF-8", "0xFF", "save the file as UTF-8"],
        },
        Text("dependsOn-cycle",
            $$"""
            { {{Agent}}, "commands": [
                { "id": "a", "run": ["/bin/true"], "dependsOn": ["b"] },
                { "id": "b", "run": ["/bin/true"], "dependsOn": ["a"] } ] }
            """,
            "dependsOn", "cycle", "a -> b -> a", "remove one of these dependsOn entries"),
        // A Linux host has no Xcode: a macOS-only step in a Linux config is refused, naming the step.
        Text("macos-only-step-on-linux",
            $$"""{ "platform": "linux", {{Agent}}, "steps": { "xcode": { "version": "16.2" } } }""",
            "steps.xcode", "macOS-only", "remove steps.xcode"),
    }.ToImmutableDictionary(config => config.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names => [.. ByName.Keys.Order(StringComparer.Ordinal)];

    public static BadConfig Named(string name) => ByName[name];

    private static BadConfig Text(string name, string json, params string[] mentions) => new()
    {
        Name = name,
        Bytes = Encoding.UTF8.GetBytes(json),
        MessageMentions = [.. mentions],
    };
}
