namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>Small configs (docs/design.md §8) that drive the published binary to a known place quickly, on any Linux box.</summary>
public static class TestConfigs
{
    /// <summary>The one section every config needs; the agent user need not exist, since no command runs as the user.</summary>
    public const string Agent = """ "agent": { "user": "rig", "home": "/Users/rig" } """;

    /// <summary>`first` succeeds, then `second` fails once and has no retries left: one `run` ends Halted, in well under a second.</summary>
    public const string HaltsOnSecondStep = $$"""
        {
          {{Agent}},
          "commands": [
            { "id": "first", "run": ["/bin/sh", "-c", "exit 0"] },
            { "id": "second", "dependsOn": ["first"], "run": ["/bin/sh", "-c", "echo 'the brew mirror is down' >&2; exit 1"],
              "retry": { "attempts": 1 } }
          ]
        }
        """;

    /// <summary>One step that takes effect after a reboot; its check passes once the file the run wrote exists.</summary>
    public const string NeedsOneReboot = $$"""
        {
          {{Agent}},
          "commands": [
            { "id": "login-profile", "requiresReboot": true,
              "run": ["/bin/sh", "-c", "touch \"$RIG_HOST_ROOT/login-profile\""],
              "check": ["/bin/sh", "-c", "test -f \"$RIG_HOST_ROOT/login-profile\""] }
          ]
        }
        """;

    /// <summary>Three commands listed out of order, so only the dependencies give the order; then handoff.</summary>
    public const string ListedOutOfOrder = $$"""
        {
          {{Agent}},
          "commands": [
            { "id": "zeta-last", "dependsOn": ["mid-step"], "run": ["/bin/true"] },
            { "id": "alpha-first", "run": ["/bin/true"] },
            { "id": "mid-step", "dependsOn": ["alpha-first"], "run": ["/bin/true"] }
          ],
          "steps": { "handoff": { "agentLabel": "ai.invotek.rig-deploy" } }
        }
        """;

    /// <summary>A Linux host: one command whose effect needs a reboot (it counts its runs), then handoff to a systemd unit.</summary>
    public const string LinuxNeedsOneReboot = """
        {
          "platform": "linux",
          "agent": { "user": "rig", "home": "/home/rig" },
          "commands": [
            { "id": "kernel-params", "requiresReboot": true,
              "run": ["/bin/sh", "-c", "echo run >> \"$RIG_HOST_ROOT/kernel-params.count\""],
              "check": ["/bin/sh", "-c", "test -s \"$RIG_HOST_ROOT/kernel-params.count\""] }
          ],
          "steps": { "handoff": { "agentLabel": "ai.invotek.rig-deploy", "stableFor": "00:00:01" } }
        }
        """;
}
