using System.Collections.Immutable;
using System.Text;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>Configs broken below the level of fields: truncated JSON, bad bytes, a file too big to be a config.</summary>
public static class ConfigCorpusSyntax
{
    private const string Agent = TestConfigs.Agent;

    private const string Valid = $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"] } ] }""";

    // A byte that can never start a UTF-8 sequence, so the decoder stops at exactly this offset.
    private const byte InvalidByte = 0xFF;

    public static ImmutableArray<BadConfig> All { get; } =
    [
        // Cut at several points: inside the root object, inside a key, inside an array, before the last brace.
        Truncated("truncated-after-open-brace", 1),
        Truncated("truncated-inside-a-key", Valid.IndexOf("user", StringComparison.Ordinal) + 2),
        Truncated("truncated-inside-the-run-array", Valid.IndexOf("/bin/true", StringComparison.Ordinal) + 4),
        Truncated("truncated-before-the-last-brace", Valid.Length - 1),
        ConfigCorpus.Text("empty-file", "", "the file is empty", "write the config as one JSON object"),
        ConfigCorpus.Text("root-is-an-array", "[ 1, 2 ]", "the root is an array, not an object", "write the config as one JSON object"),
        ConfigCorpus.Text("duplicate-keys",
            $$"""{ {{Agent}}, "agent": { "user": "eve", "home": "/Users/eve" }, "commands": [ { "id": "a", "run": ["/bin/true"] } ] }""",
            "agent", "is set more than once", "keep only one of them"),
        ConfigCorpus.Text("nul-in-a-string",
            """{ "agent": { "user": "rig", "home": "/Users/r\u0000ig" }, "commands": [ { "id": "a", "run": ["/bin/true"] } ] }""",
            "agent.home", "NUL or control character", "such as /Users/claude"),
        new BadConfig
        {
            Name = "invalid-utf8-in-a-key",
            Bytes = [.. Encoding.UTF8.GetBytes("{ \"ag"), InvalidByte, .. Encoding.UTF8.GetBytes("ent\": { \"user\": \"rig\", \"home\": \"/Users/rig\" } }")],
            MessageMentions = ["not valid UTF-8", "0xFF", "byte offset 5", "save the file as UTF-8"],
        },
        // A BOM is accepted, but it must not hide the bad byte after it nor shift the offset reported.
        new BadConfig
        {
            Name = "bom-then-invalid-utf8-in-a-value",
            Bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{ \"label\": \"com."), InvalidByte, .. Encoding.UTF8.GetBytes("rig\", " + Valid[2..])],
            MessageMentions = ["not valid UTF-8", "0xFF", "byte offset 19", "save the file as UTF-8"],
        },
        ConfigCorpus.Text("bom-then-a-bad-field",
            "\uFEFF" + $$"""{ {{Agent}}, "comands": [] }""",
            "comands is not a known field", "did you mean `commands`"),
        // 2 MiB of valid JSON whitespace: refused for its size before it is parsed.
        new BadConfig
        {
            Name = "two-mebibyte-file",
            Bytes = [.. Encoding.UTF8.GetBytes(Valid[..^1]), .. Enumerable.Repeat((byte)' ', 2 * 1024 * 1024), (byte)'}'],
            MessageMentions = ["over the limit of", "check that you passed the config JSON"],
        },
    ];

    private static BadConfig Truncated(string name, int length) =>
        ConfigCorpus.Text(name, Valid[..length], "not valid JSON", "fix the JSON there");
}
