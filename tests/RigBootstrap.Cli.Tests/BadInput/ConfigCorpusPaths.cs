using System.Collections.Immutable;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>A `..` in every path field: resolved under the host root later, such a path could climb out of it.</summary>
public static class ConfigCorpusPaths
{
    private const string Agent = TestConfigs.Agent;

    private const string Escape = "contains a .. segment, which could escape the host root";

    public static ImmutableArray<BadConfig> All { get; } =
    [
        ConfigCorpus.Text("dotdot-in-agent-home",
            """{ "agent": { "user": "rig", "home": "/Users/../etc" }, "commands": [ { "id": "a", "run": ["/bin/true"] } ] }""",
            "agent.home", Escape, "such as /Users/claude"),
        ConfigCorpus.Text("dotdot-in-ageKey-path",
            $$"""{ {{Agent}}, "steps": { "ageKey": { "path": "/Users/rig/../../etc/key.txt" } } }""",
            "steps.ageKey.path", Escape),
        ConfigCorpus.Text("dotdot-in-secrets-source",
            $$"""{ {{Agent}}, "steps": { "secrets": { "source": "/var/db/../../etc/fleet.sops.env", "envFile": "/Users/rig/.rig/env" } } }""",
            "steps.secrets.source", Escape),
        ConfigCorpus.Text("dotdot-in-secrets-envFile",
            $$"""{ {{Agent}}, "steps": { "secrets": { "source": "/var/db/rig-bootstrap/fleet.sops.env", "envFile": "/Users/rig/../../etc/env" } } }""",
            "steps.secrets.envFile", Escape),
        ConfigCorpus.Text("dotdot-in-a-tool-path",
            $$"""{ {{Agent}}, "tools": { "git": "/usr/bin/../../tmp/git" }, "commands": [ { "id": "a", "run": ["/bin/true"] } ] }""",
            "tools.git", Escape, "such as /usr/bin/git"),
        ConfigCorpus.Text("dotdot-in-a-tcc-client",
            $$"""{ {{Agent}}, "steps": { "tcc": { "grants": [ { "service": "kTCCServiceAccessibility", "client": "/usr/local/../../tmp/agent" } ] } } }""",
            "steps.tcc.grants[0].client"),
    ];
}
