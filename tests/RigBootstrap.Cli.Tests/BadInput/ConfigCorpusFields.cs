using System.Collections.Immutable;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>Configs that parse as JSON but hold a wrong type, an unknown name, a cycle or a value out of range.</summary>
public static class ConfigCorpusFields
{
    private const string Agent = TestConfigs.Agent;

    private const string OneCommand = """ "commands": [ { "id": "a", "run": ["/bin/true"] } ] """;

    public static ImmutableArray<BadConfig> All { get; } =
    [
        // Every wrong type an operator is likely to write: a string for an object, an object for an array, and so on.
        ConfigCorpus.Text("agent-is-a-string",
            $$"""{ "agent": "rig", {{OneCommand}} }""", "agent must be an object", "\"user\": \"claude\""),
        ConfigCorpus.Text("commands-is-an-object",
            $$"""{ {{Agent}}, "commands": { "id": "a" } }""", "commands must be an array"),
        ConfigCorpus.Text("run-is-a-string",
            $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": "/bin/true" } ] }""", "commands[0].run must be an array"),
        ConfigCorpus.Text("id-is-a-number",
            $$"""{ {{Agent}}, "commands": [ { "id": 7, "run": ["/bin/true"] } ] }""", "commands[0].id must be a string"),
        ConfigCorpus.Text("requiresReboot-is-a-string",
            $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"], "requiresReboot": "yes" } ] }""",
            "commands[0].requiresReboot must be true or false"),
        ConfigCorpus.Text("limit-is-a-string",
            $$"""{ {{Agent}}, "reboot": { "maxBootsWithoutProgress": "3" }, {{OneCommand}} }""",
            "reboot.maxBootsWithoutProgress must be a number", "use a whole number from 1 to 20"),
        ConfigCorpus.Text("unknown-step-section",
            $$"""{ {{Agent}}, "steps": { "homebrew": { "bundle": "/etc/Brewfile" } } }""", "steps.homebrew is not a known"),
        ConfigCorpus.Text("unknown-tool-name",
            $$"""{ {{Agent}}, "tools": { "brew": "/opt/homebrew/bin/brew" }, {{OneCommand}} }""", "tools.brew is not a known tool"),
        ConfigCorpus.Text("dependsOn-unknown-step",
            $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"], "dependsOn": ["ghost"] } ] }""",
            "commands[0].dependsOn", "ghost"),
        ConfigCorpus.Text("dependsOn-self",
            $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"], "dependsOn": ["a"] } ] }""",
            "dependsOn", "a -> a"),
        ConfigCorpus.Text("dependsOn-cycle-of-3",
            $$"""
            { {{Agent}}, "commands": [
                { "id": "a", "run": ["/bin/true"], "dependsOn": ["c"] },
                { "id": "b", "run": ["/bin/true"], "dependsOn": ["a"] },
                { "id": "c", "run": ["/bin/true"], "dependsOn": ["b"] } ] }
            """,
            "dependsOn", "cycle", "remove one of these dependsOn entries"),
        // One past the largest JSON number a double holds, and one past every integer type.
        ConfigCorpus.Text("huge-number",
            $$"""{ {{Agent}}, "reboot": { "maxBootsWithoutProgress": 1e400 }, {{OneCommand}} }""",
            "reboot.maxBootsWithoutProgress", "use a whole number from 1 to 20"),
        ConfigCorpus.Text("huge-integer",
            $$"""{ {{Agent}}, "daemon": { "maxCrashesPerBoot": 99999999999999999999999 }, {{OneCommand}} }""",
            "daemon.maxCrashesPerBoot", "use a whole number from 1 to 100"),
        ConfigCorpus.Text("zero-limit",
            $$"""{ {{Agent}}, "reboot": { "maxReboots": 0 }, {{OneCommand}} }""",
            "reboot.maxReboots is 0", "use a whole number from 1 to 50"),
        ConfigCorpus.Text("negative-limit",
            $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"], "retry": { "attempts": -1 } } ] }""",
            "commands[0].retry.attempts is -1", "use a whole number from"),
        ConfigCorpus.Text("bad-duration-words",
            $$"""{ {{Agent}}, "steps": { "handoff": { "agentLabel": "ai.invotek.rig-deploy", "stableFor": "1 minute" } } }""",
            "steps.handoff.stableFor", "\"1 minute\"", "hh:mm:ss"),
        ConfigCorpus.Text("zero-duration",
            $$"""{ {{Agent}}, "reboot": { "shutdownGrace": "00:00:00" }, {{OneCommand}} }""",
            "reboot.shutdownGrace must be longer than zero", "hh:mm:ss"),
        ConfigCorpus.Text("shutdown-grace-too-long",
            $$"""{ {{Agent}}, "reboot": { "shutdownGrace": "3.00:00:00" }, {{OneCommand}} }""",
            "reboot.shutdownGrace is 3.00:00:00, longer than the 01:00:00 allowed", "hh:mm:ss"),
        ConfigCorpus.Text("bad-label",
            $$"""{ "label": "rig bootstrap", {{Agent}}, {{OneCommand}} }""",
            "label must be a reverse-DNS label", "such as com.rig.bootstrap"),
        ConfigCorpus.Text("bad-url",
            $$"""{ {{Agent}}, "events": { "url": "ftp://conductor.example/events" }, {{OneCommand}} }""",
            "events.url must be an absolute http or https URL", "ftp://conductor.example/events"),
        ConfigCorpus.Text("unknown-platform",
            $$"""{ "platform": "windows", {{Agent}}, {{OneCommand}} }""", "platform must be one of", "\"linux\""),
        ConfigCorpus.Text("linux-with-autologin",
            $$"""{ "platform": "linux", {{Agent}}, "steps": { "autologin": { "user": "rig", "passwordSecret": "AGENT_PASSWORD" } } }""",
            "steps.autologin", "macOS-only", "remove steps.autologin"),

        // os-upgrade's modes (docs/os-upgrade.md): a field the chosen mode never reads is refused, not ignored.
        ConfigCorpus.Text("os-upgrade-unknown-mode",
            $$"""{ {{Agent}}, "steps": { "osUpgrade": { "minimumVersion": "15.1", "mode": "auto" } } }""",
            "steps.osUpgrade.mode must be one of", "\"mdm\"", "\"softwareupdate\""),
        ConfigCorpus.Text("os-upgrade-volume-owner-in-mdm-mode",
            $$"""{ {{Agent}}, "steps": { {{SecretSteps}}, "osUpgrade": { "minimumVersion": "15.1", "mode": "mdm", "volumeOwner": { "user": "rig", "passwordSecret": "OWNER_PASSWORD" } } } }""",
            "steps.osUpgrade.volumeOwner is only used by mode \"softwareupdate\"", "set steps.osUpgrade.mode to \"softwareupdate\""),
        ConfigCorpus.Text("os-upgrade-volume-owner-without-secrets",
            $$"""{ {{Agent}}, "steps": { "osUpgrade": { "minimumVersion": "15.1", "mode": "softwareupdate", "volumeOwner": { "user": "rig", "passwordSecret": "OWNER_PASSWORD" } } } }""",
            "steps.osUpgrade.volumeOwner needs steps.secrets", "add steps.secrets"),
        ConfigCorpus.Text("os-upgrade-volume-owner-without-password-secret",
            $$"""{ {{Agent}}, "steps": { {{SecretSteps}}, "osUpgrade": { "minimumVersion": "15.1", "mode": "softwareupdate", "volumeOwner": { "user": "rig" } } } }""",
            "steps.osUpgrade.volumeOwner.passwordSecret is missing", "VOLUME_OWNER_PASSWORD"),
        ConfigCorpus.Text("os-upgrade-mdm-deadline-in-softwareupdate-mode",
            $$"""{ {{Agent}}, "steps": { "osUpgrade": { "minimumVersion": "15.1", "mode": "softwareupdate", "mdmDeadline": "2.00:00:00" } } }""",
            "steps.osUpgrade.mdmDeadline is only used by mode \"mdm\""),
        ConfigCorpus.Text("os-upgrade-mdm-deadline-not-a-duration",
            $$"""{ {{Agent}}, "steps": { "osUpgrade": { "minimumVersion": "15.1", "mdmDeadline": "2 days" } } }""",
            "steps.osUpgrade.mdmDeadline is not a duration", "hh:mm:ss"),
    ];

    private const string SecretSteps = """
        "ageKey": { "path": "/Users/rig/.rig/age/key.txt" }, "secrets": { "source": "/var/db/rig-bootstrap/fleet.sops.env", "envFile": "/Users/rig/.rig/env" }
        """;
}
