using System.Collections.Immutable;

namespace RigBootstrap.ServiceDefinitions;

/// <summary>Conversion between a <see cref="LaunchDaemonDefinition"/> and its plist dictionary.</summary>
public sealed partial record LaunchDaemonDefinition
{
    /// <summary>The plist in launchd's key order for our daemons; optional keys that are not set are left out.</summary>
    public PlistDictionary ToPlist()
    {
        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, PlistValue>>();
        entries.Add(new("Label", new PlistString(Label)));
        entries.Add(new("ProgramArguments", new PlistArray([.. ProgramArguments.Select(argument => new PlistString(argument))])));
        entries.Add(new("RunAtLoad", new PlistBoolean(RunAtLoad)));
        if (KeepAliveUnlessSuccessfulExit)
        {
            entries.Add(new("KeepAlive", new PlistDictionary([new("SuccessfulExit", new PlistBoolean(false))])));
        }

        AddIfSet(entries, "StartInterval", StartIntervalSeconds is { } interval ? new PlistInteger(interval) : null);
        AddIfSet(entries, "ThrottleInterval", ThrottleIntervalSeconds is { } seconds ? new PlistInteger(seconds) : null);
        AddIfSet(entries, "ProcessType", ProcessType);
        AddIfSet(entries, "UserName", UserName);
        AddIfSet(entries, "GroupName", GroupName);
        AddIfSet(entries, "WorkingDirectory", WorkingDirectory);
        if (!EnvironmentVariables.IsEmpty)
        {
            entries.Add(new("EnvironmentVariables", new PlistDictionary(
                [.. EnvironmentVariables.Select(variable => new KeyValuePair<string, PlistValue>(variable.Key, new PlistString(variable.Value)))])));
        }

        AddIfSet(entries, "StandardOutPath", StandardOutPath);
        AddIfSet(entries, "StandardErrorPath", StandardErrorPath);
        return new PlistDictionary(entries.ToImmutable());
    }

    /// <summary>Reads a LaunchDaemon plist as launchd would start it; keys this model does not know are ignored.</summary>
    /// <exception cref="FormatException">Label or ProgramArguments is missing, a known key has the wrong type, or a value is invalid.</exception>
    public static LaunchDaemonDefinition FromPlist(PlistDictionary plist)
    {
        ArgumentNullException.ThrowIfNull(plist);
        var label = ReadString(plist, "Label") ?? throw Invalid("Label", "is missing; a launchd job needs a label");
        if (!plist.TryGetValue("ProgramArguments", out var argumentsValue))
        {
            throw Invalid("ProgramArguments", "is missing; rig-bootstrap always writes the program as ProgramArguments[0]");
        }

        try
        {
            return new LaunchDaemonDefinition
            {
                Label = label,
                ProgramArguments = ReadStrings(argumentsValue),
                RunAtLoad = plist.TryGetValue("RunAtLoad", out var runAtLoad) && ReadBoolean(runAtLoad, "RunAtLoad"),
                KeepAliveUnlessSuccessfulExit = plist.TryGetValue("KeepAlive", out var keepAlive) && ReadKeepAlive(keepAlive),
                StartIntervalSeconds = ReadInt(plist, "StartInterval"),
                ThrottleIntervalSeconds = ReadInt(plist, "ThrottleInterval"),
                ProcessType = ReadString(plist, "ProcessType"),
                UserName = ReadString(plist, "UserName"),
                GroupName = ReadString(plist, "GroupName"),
                WorkingDirectory = ReadString(plist, "WorkingDirectory"),
                EnvironmentVariables = plist.TryGetValue("EnvironmentVariables", out var environment) ? ReadEnvironment(environment) : [],
                StandardOutPath = ReadString(plist, "StandardOutPath"),
                StandardErrorPath = ReadString(plist, "StandardErrorPath"),
            };
        }
        catch (ArgumentException ex)
        {
            // The init accessors validate; from a file, a bad value is a format problem, not a caller's bug.
            throw new FormatException($"The LaunchDaemon plist for '{label}' is invalid: {ex.Message}", ex);
        }
    }

    private static void AddIfSet(ImmutableArray<KeyValuePair<string, PlistValue>>.Builder entries, string key, PlistValue? value)
    {
        if (value is not null)
        {
            entries.Add(new(key, value));
        }
    }

    private static void AddIfSet(ImmutableArray<KeyValuePair<string, PlistValue>>.Builder entries, string key, string? value) =>
        AddIfSet(entries, key, value is null ? null : new PlistString(value));

    private static string? ReadString(PlistDictionary plist, string key) =>
        !plist.TryGetValue(key, out var value) ? null
        : value is PlistString text ? text.Value
        : throw Invalid(key, "must be a <string>");

    private static int? ReadInt(PlistDictionary plist, string key) =>
        !plist.TryGetValue(key, out var value) ? null
        : value is PlistInteger { Value: >= int.MinValue and <= int.MaxValue } integer ? (int)integer.Value
        : throw Invalid(key, "must be an <integer> in the 32-bit range");

    private static bool ReadBoolean(PlistValue value, string key) =>
        value is PlistBoolean boolean ? boolean.Value : throw Invalid(key, "must be <true/> or <false/>");

    private static ImmutableArray<string> ReadStrings(PlistValue value) =>
        value is PlistArray array && array.Items.All(item => item is PlistString)
            ? [.. array.Items.Cast<PlistString>().Select(item => item.Value)]
            : throw Invalid("ProgramArguments", "must be an <array> of <string>");

    // This model knows two KeepAlive forms: absent/false, and { SuccessfulExit = false }. Anything else would be
    // started differently by launchd, so refuse it rather than silently drop the restart policy.
    private static bool ReadKeepAlive(PlistValue value) => value switch
    {
        PlistBoolean { Value: false } => false,
        PlistDictionary { Entries: [{ Key: "SuccessfulExit", Value: PlistBoolean { Value: false } }] } => true,
        _ => throw Invalid("KeepAlive", "must be absent, <false/>, or a <dict> with only SuccessfulExit = <false/>"),
    };

    private static ImmutableArray<KeyValuePair<string, string>> ReadEnvironment(PlistValue value) =>
        value is PlistDictionary dictionary && dictionary.Entries.All(entry => entry.Value is PlistString)
            ? [.. dictionary.Entries.Select(entry => new KeyValuePair<string, string>(entry.Key, ((PlistString)entry.Value).Value))]
            : throw Invalid("EnvironmentVariables", "must be a <dict> of <string> values");

    private static FormatException Invalid(string key, string problem) =>
        new($"LaunchDaemon plist: {key} {problem}.");
}
