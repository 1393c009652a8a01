using System.Collections.Immutable;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Config.Parsing;

/// <summary>
/// The known-field table of the config: every JSON object the reader opens, and the field names it accepts there.
/// <see cref="JsonObjectReader.Open"/> takes a shape, never a loose list, and only this type can make one, so this
/// table is the reader's whole field set: the tests hold docs/config.md and docs/config.schema.json to it.
/// </summary>
internal sealed record ConfigObjectShape
{
    public static readonly ConfigObjectShape Root = new("",
        ["$schema", "label", "platform", "agent", "reboot", "daemon", "steps", "commands", "events", "tools"]);

    public static readonly ConfigObjectShape Agent = new("agent", ["user", "home"]);

    public static readonly ConfigObjectShape Reboot = new("reboot",
        ["mode", "maxBootsWithoutProgress", "maxRebootsPerStep", "maxReboots", "shutdownGrace"]);

    public static readonly ConfigObjectShape Daemon = new("daemon", ["throttleIntervalSeconds", "maxCrashesPerBoot"]);

    public static readonly ConfigObjectShape Events = new("events", ["url", "deliverFor"]);

    public static readonly ConfigObjectShape Tools = new("tools", [.. ToolNames.All], "tool");

    public static readonly ConfigObjectShape Steps = new("steps",
        ["ageKey", "secrets", "keychain", "commandLineTools", "xcode", "autologin", "firstDeploy", "tcc", "osUpgrade", "handoff"]);

    public static readonly ConfigObjectShape AgeKey = new("steps.ageKey", ["path"]);

    public static readonly ConfigObjectShape Secrets = new("steps.secrets", ["source", "envFile"]);

    public static readonly ConfigObjectShape Keychain = new("steps.keychain", ["items"]);

    public static readonly ConfigObjectShape KeychainItem = new("steps.keychain.items[]", ["service", "account", "secret"]);

    public static readonly ConfigObjectShape CommandLineTools = new("steps.commandLineTools", []);

    public static readonly ConfigObjectShape Xcode = new("steps.xcode", ["version", "xip", "xcodes", "platforms"]);

    public static readonly ConfigObjectShape Xip = new("steps.xcode.xip", ["url", "path", "sha256"]);

    public static readonly ConfigObjectShape Xcodes = new("steps.xcode.xcodes", ["appleId", "passwordSecret"]);

    public static readonly ConfigObjectShape Autologin = new("steps.autologin", ["user", "passwordSecret"]);

    public static readonly ConfigObjectShape FirstDeploy = new("steps.firstDeploy",
        ["repository", "sha", "agentLabel", "startIntervalSeconds"]);

    public static readonly ConfigObjectShape Tcc = new("steps.tcc", ["grants"]);

    public static readonly ConfigObjectShape TccGrant = new("steps.tcc.grants[]", ["service", "client", "receiver", "approval"]);

    public static readonly ConfigObjectShape OsUpgrade = new("steps.osUpgrade", ["minimumVersion", "mode", "volumeOwner", "mdmDeadline"]);

    public static readonly ConfigObjectShape VolumeOwner = new("steps.osUpgrade.volumeOwner", ["user", "passwordSecret"]);

    public static readonly ConfigObjectShape Handoff = new("steps.handoff", ["agentLabel", "stableFor", "timeout"]);

    public static readonly ConfigObjectShape Command = new("commands[]",
        ["id", "run", "check", "asUser", "requiresReboot", "dependsOn", "retry", "timeout"]);

    public static readonly ConfigObjectShape Retry = new("commands[].retry", ["attempts", "backoff"]);

    /// <summary>Every shape above; a test checks by reflection that none is left out.</summary>
    public static readonly ImmutableArray<ConfigObjectShape> All =
    [
        Root, Agent, Reboot, Daemon, Events, Tools, Steps, AgeKey, Secrets, Keychain, KeychainItem, CommandLineTools, Xcode, Xip,
        Xcodes, Autologin, FirstDeploy, Tcc, TccGrant, OsUpgrade, VolumeOwner, Handoff, Command, Retry,
    ];

    private ConfigObjectShape(string path, ImmutableArray<string> fields, string noun = "field")
    {
        Path = path;
        Fields = fields;
        Noun = noun;
    }

    /// <summary>Where the object sits, <c>[]</c> standing for any element of an array, such as <c>commands[].retry</c>; empty for the root.</summary>
    public string Path { get; }

    /// <summary>The field names accepted in the object, in the order the messages list them.</summary>
    public ImmutableArray<string> Fields { get; }

    /// <summary>What the messages call a field of this object: "field", or "tool" in <c>tools</c>.</summary>
    public string Noun { get; }

    /// <summary>The full pattern path of one field, such as <c>commands[].retry.attempts</c>.</summary>
    public string FieldPath(string field) => Path.Length == 0 ? field : $"{Path}.{field}";
}
