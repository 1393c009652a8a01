using System.Collections.Immutable;
using System.Text;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>State files that neither `run` nor `status` can trust (docs/invariants.md I1): each is refused with 65, naming `reset --all`.</summary>
public static class StateCorpus
{
    /// <summary>A config whose steps finish at once, so a run that is not refused ends quickly.</summary>
    public const string Config = $$"""
        { {{TestConfigs.Agent}}, "commands": [
            { "id": "first", "run": ["/bin/true"] },
            { "id": "second", "dependsOn": ["first"], "run": ["/bin/true"] } ] }
        """;

    private const string CannotBeRead = "cannot be read";

    private static readonly ImmutableDictionary<string, BadState> ByName = new[]
    {
        Case("truncated-state-and-truncated-prev", BothWith(text => text[..(text.Length / 2)]), CannotBeRead),
        Case("truncated-state-without-prev", host => Rewrite(host.StatePath, text => text[..300]), CannotBeRead, "is missing"),
        Case("empty-state-without-prev", host => File.WriteAllText(host.StatePath, ""), CannotBeRead),
        Case("json-null", BothWith(_ => "null\n"), "JSON null"),
        Case("steps-is-a-string", BothWith(text => Replace(text, "\"steps\": [", "\"steps\": \"none\", \"old\": [")), CannotBeRead),
        Case("step-state-unknown", BothWith(text => Replace(text, "\"state\": \"Pending\"", "\"state\": \"Exploded\"")), CannotBeRead),
        Case("attempts-is-a-string", BothWith(text => Replace(text, "\"attempts\": 0", "\"attempts\": \"three\"")), CannotBeRead),
        Case("workflow-missing", BothWith(text => Replace(text, "\"workflow\":", "\"flow\":")), CannotBeRead),
        Case("newer-schemaVersion", BothWith(text => Replace(text, "\"schemaVersion\": 1", "\"schemaVersion\": 2")),
            "schemaVersion 2, written by a newer rig-bootstrap"),
        Case("invalid-utf8", BothBytes(bytes => [.. bytes[..40], 0xFF, 0xFE, .. bytes[40..]]), CannotBeRead),
        Case("two-mebibytes-of-garbage", BothBytes(_ => Garbage(2 * 1024 * 1024)), CannotBeRead),
    }.ToImmutableDictionary(state => state.Name, StringComparer.Ordinal);

    // Cases the product gets wrong today; BadStateCorpusTests runs each in a skipped test naming the bug.
    private static readonly ImmutableDictionary<string, BadState> KnownBugs = new[]
    {
        Case("workflow-state-is-a-number", BothWith(text => Replace(text, "\"state\": \"Installed\"", "\"state\": 42")), CannotBeRead),
        // A newer rig-bootstrap wrote state.json after this one wrote .prev: "recovering" would drop the newer progress.
        Case("newer-schemaVersion-with-an-older-prev", host =>
        {
            File.Copy(host.StatePath, host.PreviousStatePath);
            Rewrite(host.StatePath, text => Replace(text, "\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        }, "newer rig-bootstrap"),
        Case("state-deleted-journal-kept", host => File.Delete(host.StatePath), "shows earlier runs"),
        Case("state-is-a-directory", host =>
        {
            File.Delete(host.StatePath);
            Directory.CreateDirectory(host.StatePath);
        }, "state.json"),
    }.ToImmutableDictionary(state => state.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names => [.. ByName.Keys.Order(StringComparer.Ordinal)];

    public static BadState Named(string name) => ByName.TryGetValue(name, out var state) ? state : KnownBugs[name];

    public static string Replace(string text, string oldValue, string newValue) =>
        text.Contains(oldValue, StringComparison.Ordinal)
            ? text.Replace(oldValue, newValue, StringComparison.Ordinal)
            : throw new InvalidOperationException($"The installed state.json no longer holds {oldValue}; update the corpus.");

    private static BadState Case(string name, Action<TempHost> damage, params string[] mentions) => new()
    {
        Name = name,
        Damage = damage,
        MessageMentions = [.. mentions],
    };

    private static Action<TempHost> BothWith(Func<string, string> change) =>
        BothBytes(bytes => Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(bytes))));

    // The same damage to state.json and to its .prev copy, so that nothing is left to recover from.
    private static Action<TempHost> BothBytes(Func<byte[], byte[]> change) => host =>
    {
        var damaged = change(File.ReadAllBytes(host.StatePath));
        File.WriteAllBytes(host.StatePath, damaged);
        File.WriteAllBytes(host.PreviousStatePath, damaged);
    };

    private static void Rewrite(string filePath, Func<string, string> change) =>
        File.WriteAllText(filePath, change(File.ReadAllText(filePath)));

    private static byte[] Garbage(int length)
    {
        // Seeded, so a failure can be reproduced byte for byte.
        var bytes = new byte[length];
        new Random(4).NextBytes(bytes);
        return bytes;
    }
}
