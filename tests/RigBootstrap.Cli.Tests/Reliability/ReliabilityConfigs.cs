using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// Command-step configs for the reliability suite. Every command appends one line to a `*.count` file under the
/// host root, so a side effect done twice shows as a count above 1; checks make each step idempotent (docs/invariants.md I3).
/// </summary>
public static class ReliabilityConfigs
{
    public const string AgentLabel = "ai.invotek.rig-deploy";

    /// <summary>The fleet agent's LaunchDaemon, which the first command installs: a shell that sleeps.</summary>
    public const string AgentPlist = $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
          <key>Label</key><string>{{AgentLabel}}</string>
          <key>ProgramArguments</key><array><string>/bin/sh</string><string>-c</string><string>sleep 600</string></array>
          <key>RunAtLoad</key><true/>
        </dict>
        </plist>
        """;

    /// <summary>Install the agent plist (a copy of agent.plist beside the root), a plain command, one that needs a reboot, handoff.</summary>
    public const string FullBootstrap = $$"""
        {
          {{TestConfigs.Agent}},
          "commands": [
            { "id": "agent-plist",
              "run": ["/bin/sh", "-c", "mkdir -p \"$RIG_HOST_ROOT/Library/LaunchDaemons\" && cp \"$RIG_HOST_ROOT/../agent.plist\" \"$RIG_HOST_ROOT/Library/LaunchDaemons/{{AgentLabel}}.plist\" && echo run >> \"$RIG_HOST_ROOT/agent-plist.count\""],
              "check": ["/bin/sh", "-c", "test -f \"$RIG_HOST_ROOT/Library/LaunchDaemons/{{AgentLabel}}.plist\""] },
            { "id": "brew-bundle", "dependsOn": ["agent-plist"],
              "run": ["/bin/sh", "-c", "echo run >> \"$RIG_HOST_ROOT/brew-bundle.count\""],
              "check": ["/bin/sh", "-c", "test -s \"$RIG_HOST_ROOT/brew-bundle.count\""] },
            { "id": "kernel-params", "requiresReboot": true, "dependsOn": ["brew-bundle"],
              "run": ["/bin/sh", "-c", "echo run >> \"$RIG_HOST_ROOT/kernel-params.count\""],
              "check": ["/bin/sh", "-c", "test -s \"$RIG_HOST_ROOT/kernel-params.count\""] }
          ],
          "steps": { "handoff": { "agentLabel": "{{AgentLabel}}", "stableFor": "00:00:01" } }
        }
        """;

    /// <summary>One command; its effect counts only once `fixed` exists under the root, so every reboot is in vain until then.</summary>
    public const string AlwaysAsksForReboot = $$"""
        {
          {{TestConfigs.Agent}},
          "commands": [
            { "id": "os-patch", "requiresReboot": true, "retry": { "attempts": 6, "backoff": "00:00:01" },
              "run": ["/bin/sh", "-c", "echo try >> \"$RIG_HOST_ROOT/os-patch.attempts\""],
              "check": ["/bin/sh", "-c", "test -f \"$RIG_HOST_ROOT/fixed\""] }
          ]
        }
        """;

    /// <summary>One command that SIGKILLs the daemon running it until `fixed` exists under the root.</summary>
    public const string CrashesEveryTime = $$"""
        {
          {{TestConfigs.Agent}},
          "commands": [
            { "id": "flaky-tool",
              "run": ["/bin/sh", "-c", "test -f \"$RIG_HOST_ROOT/fixed\" || { kill -9 $PPID; exit 1; }; echo run >> \"$RIG_HOST_ROOT/flaky-tool.count\""],
              "check": ["/bin/sh", "-c", "test -s \"$RIG_HOST_ROOT/flaky-tool.count\""] }
          ]
        }
        """;

    /// <summary>One plain command, for the file-hygiene scenarios.</summary>
    public const string OneCommand = $$"""
        {
          {{TestConfigs.Agent}},
          "commands": [
            { "id": "brew-bundle",
              "run": ["/bin/sh", "-c", "echo run >> \"$RIG_HOST_ROOT/brew-bundle.count\""],
              "check": ["/bin/sh", "-c", "test -s \"$RIG_HOST_ROOT/brew-bundle.count\""] }
          ]
        }
        """;
}
