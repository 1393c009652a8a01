using RigBootstrap.Core.Config;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Config;

/// <summary>
/// The reader and docs/config.schema.json agree at the edges: configs at the limit of every rule are accepted by both,
/// and the rules only the reader can check (docs/config.md, "What only the reader checks") are exactly those where
/// the schema accepts what the reader refuses.
/// </summary>
public sealed class ConfigSchemaAgreementTests
{
    private const string Agent = """ "agent": { "user": "claude", "home": "/Users/claude" } """;
    private const string OneCommand = """ "commands": [ { "id": "a", "run": ["/bin/true"] } ] """;
    private const string Secrets = """
        "ageKey": { "path": "/Users/claude/.rig/age/key.txt" },
        "secrets": { "source": "/var/db/rig-bootstrap/fleet.sops.env", "envFile": "/Users/claude/.rig/current/env" }
        """;

    /// <summary>Valid configs at the edges of the rules: both must accept each one.</summary>
    public static TheoryData<string, string> AcceptedByBoth => new()
    {
        { "schema-field-and-comments", $$"""{ "$schema": "./config.schema.json", /* editors */ {{Agent}}, {{OneCommand}}, }""" },
        { "linux-with-commands", $$"""{ "platform": "linux", "label": "org.example.rig_boot-2", {{Agent}}, {{OneCommand}} }""" },
        { "limits-at-their-highest", $$"""
            { {{Agent}}, {{OneCommand}}, "reboot": { "mode": "manual", "maxBootsWithoutProgress": 20, "maxRebootsPerStep": 10, "maxReboots": 50, "shutdownGrace": "01:00:00" },
              "daemon": { "throttleIntervalSeconds": 3600, "maxCrashesPerBoot": 100 } }
            """ },
        { "limits-at-their-lowest", $$"""
            { {{Agent}}, {{OneCommand}}, "reboot": { "maxBootsWithoutProgress": 1, "maxRebootsPerStep": 1, "maxReboots": 1, "shutdownGrace": "00:00:00.0000001" },
              "daemon": { "throttleIntervalSeconds": 1, "maxCrashesPerBoot": 1 } }
            """ },
        { "durations-in-every-shape", $$"""
            { {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true", ""], "timeout": "1:02:03", "retry": { "attempts": 100, "backoff": "10.23:59:59.5" } } ] }
            """ },
        { "every-command-field", $$"""
            { {{Agent}}, "steps": { {{Secrets}} }, "commands": [
              { "id": "0-first", "run": ["/bin/sh", "-c", "true"], "check": ["/usr/bin/test", "-e", "/tmp/x"], "asUser": true,
                "requiresReboot": true, "dependsOn": ["secrets", "age-key"], "retry": { "attempts": 1 }, "timeout": "00:00:01" },
              { "id": "second", "run": ["/bin/true"], "dependsOn": ["0-first"] } ] }
            """ },
        { "xip-over-loopback-http-with-platforms", $$"""
            { {{Agent}}, "steps": { "xcode": { "version": "16", "platforms": ["iOS", "watchOS", "tvOS", "visionOS"],
              "xip": { "url": "http://127.0.0.1:8080/Xcode_16.xip", "sha256": "0B8C3C6C1D5E0F6F8D87E0BF1E9C4A7D2F3E4A5B6C7D8E9F0A1B2C3D4E5F6A7B" } } } }
            """ },
        { "xip-on-the-host", $$"""
            { {{Agent}}, "steps": { "xcode": { "version": "16.2.1", "xip": { "path": "/Users/Shared/Xcode_16.2.xip",
              "sha256": "0b8c3c6c1d5e0f6f8d87e0bf1e9c4a7d2f3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b" } } } }
            """ },
        { "xcodes-with-secrets", $$"""
            { {{Agent}}, "steps": { {{Secrets}}, "xcode": { "version": "16.2", "xcodes": { "appleId": "ci@example.com", "passwordSecret": "APPLE_ID_PASSWORD" } } } }
            """ },
        { "tcc-grants-of-every-kind", $$"""
            { {{Agent}}, "steps": { "tcc": { "grants": [
              { "service": "kTCCServiceAccessibility", "client": "com.example.agent" },
              { "service": "kTCCServiceAppleEvents", "client": "/usr/local/bin/rig-agent", "receiver": "com.apple.systemevents", "approval": "mdm" },
              { "service": "kTCCServiceScreenCapture", "client": "/usr/local/bin/rig-agent", "approval": "person" },
              { "service": "kTCCServiceSystemPolicyAllFiles", "client": "/usr/local/bin/rig-agent", "approval": "person" } ] } } }
            """ },
        { "os-upgrade-by-softwareupdate-with-an-owner", $$"""
            { {{Agent}}, "steps": { {{Secrets}}, "osUpgrade": { "minimumVersion": "15", "mode": "softwareupdate",
              "volumeOwner": { "user": "admin", "passwordSecret": "VOLUME_OWNER_PASSWORD" } } } }
            """ },
        { "os-upgrade-by-mdm-with-a-deadline", $$"""{ {{Agent}}, "steps": { "osUpgrade": { "minimumVersion": "15.1", "mode": "mdm", "mdmDeadline": "3.00:00:00" } } }""" },
        { "first-deploy-over-scp-ssh-and-file", $$"""
            { {{Agent}}, "steps": { {{Secrets}}, "commandLineTools": {},
              "firstDeploy": { "repository": "git@github.com:example/automate-e.git", "sha": "0123456789abcdef0123456789abcdef01234567",
                               "agentLabel": "ai.invotek.rig-deploy", "startIntervalSeconds": 86400 },
              "handoff": { "agentLabel": "ai.invotek.rig-deploy", "stableFor": "00:00:01", "timeout": "00:00:02" } },
              "commands": [ { "id": "a", "run": ["/bin/true"], "dependsOn": ["first-deploy", "command-line-tools"] } ] }
            """ },
        { "first-deploy-from-a-path-on-linux", $$"""
            { "platform": "linux", {{Agent}}, "steps": { {{Secrets}}, "firstDeploy": { "repository": "/srv/git/automate-e.git",
              "sha": "0123456789abcdef0123456789abcdef01234567", "agentLabel": "ai.invotek.rig-deploy", "startIntervalSeconds": 60 } } }
            """ },
        { "keychain-and-autologin", $$"""
            { {{Agent}}, "steps": { {{Secrets}}, "keychain": { "items": [ { "service": "Claude Code-credentials", "account": "claude", "secret": "_X1" } ] },
              "autologin": { "user": "_claude.2", "passwordSecret": "AGENT_PASSWORD" } } }
            """ },
        { "events-and-tools", $$"""
            { {{Agent}}, {{OneCommand}}, "events": { "url": "http://localhost:9000/events?x=1" },
              "tools": { "git": "/opt/homebrew/bin/git", "DevToolsSecurity": "/usr/sbin/DevToolsSecurity", "xcode-select": "/usr/bin/xcode-select" } }
            """ },
    };

    /// <summary>The reader-only rules of docs/config.md: the schema accepts each config, the reader refuses it at the field named.</summary>
    public static TheoryData<string, string, string> OnlyTheReaderRefuses => new()
    {
        { "duplicate-command-ids", $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"] }, { "id": "a", "run": ["/bin/true"] } ] }""", "commands[1].id" },
        { "dependency-not-configured", $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"], "dependsOn": ["xcode"] } ] }""", "commands[0].dependsOn[0]" },
        { "dependency-cycle", $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"], "dependsOn": ["a"] } ] }""", "commands[0].dependsOn" },
        { "handoff-to-another-agent", $$"""
            { {{Agent}}, "steps": { {{Secrets}}, "firstDeploy": { "repository": "/srv/git/a.git", "sha": "0123456789abcdef0123456789abcdef01234567", "agentLabel": "ai.invotek.rig-deploy" },
              "handoff": { "agentLabel": "ai.invotek.other" } } }
            """, "steps.handoff.agentLabel" },
        { "stable-for-not-shorter-than-timeout", $$"""{ {{Agent}}, "steps": { "handoff": { "agentLabel": "a.b", "stableFor": "00:30:00" } } }""", "steps.handoff.stableFor" },
        { "whole-number-written-with-a-fraction", $$"""{ {{Agent}}, {{OneCommand}}, "reboot": { "maxReboots": 3.0 } }""", "reboot.maxReboots" },
        { "duration-past-timespan", $$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"], "timeout": "99999999.00:00:00" } ] }""", "commands[0].timeout" },
    };

    [Theory]
    [MemberData(nameof(AcceptedByBoth))]
    public void An_edge_config_is_accepted_by_the_reader_and_the_schema(string name, string json)
    {
        // Act
        var parse = () => ConfigLoader.Parse(json, name);
        var problems = ConfigSchema.Problems(json);

        // Assert
        parse.Should().NotThrow();
        problems.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(OnlyTheReaderRefuses))]
    public void A_rule_only_the_reader_checks_passes_the_schema_and_is_refused_by_the_reader(string name, string json, string field)
    {
        // Act
        var problems = ConfigSchema.Problems(json);
        var errors = ConfigErrors.Of(json);

        // Assert
        problems.Should().BeEmpty($"{name} is listed as a rule the schema cannot express; if the schema now refuses it, drop it from the list and from docs/config.md");
        errors.Should().Contain(e => e.FieldPath == field);
    }
}
