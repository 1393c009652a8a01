namespace RigBootstrap.Core.Tests.Config;

/// <summary>Config texts the tests start from.</summary>
internal static class ConfigSamples
{
    /// <summary>The example of DESIGN §8, verbatim.</summary>
    public const string DesignExample = """
        {
          "label": "com.rig.bootstrap",
          "agent": { "user": "claude", "home": "/Users/claude" },
          "reboot": { "mode": "auto", "maxBootsWithoutProgress": 3 },
          "steps": {
            "ageKey":      { "path": "/Users/claude/.rig/age/key.txt" },
            "secrets":     { "source": "/var/db/rig-bootstrap/mac-fleet.sops.env",
                             "envFile": "/Users/claude/.rig/current/env" },
            "keychain":    { "items": [ { "service": "Claude Code-credentials", "account": "claude",
                                          "secret": "CLAUDE_OAUTH_JSON" } ] },
            "xcode":       { "version": "16.2" },
            "autologin":   { "user": "claude", "passwordSecret": "AGENT_PASSWORD" },
            "firstDeploy": { "repository": "https://github.com/example/automate-e.git",
                             "sha": "0123456789abcdef0123456789abcdef01234567",
                             "agentLabel": "ai.invotek.rig-deploy" },
            "tcc":         { "grants": [ { "service": "kTCCServiceAccessibility",
                                           "client": "/usr/local/bin/rig-agent" } ] },
            "osUpgrade":   { "minimumVersion": "15.1" },
            "handoff":     { "agentLabel": "ai.invotek.rig-deploy", "stableFor": "00:01:00" }
          },
          "commands": [
            { "id": "brew-bundle", "run": ["/bin/sh", "-c", "brew bundle --file=/etc/Brewfile"],
              "check": ["/bin/sh", "-c", "brew bundle check --file=/etc/Brewfile"],
              "asUser": true, "requiresReboot": false, "dependsOn": ["secrets"],
              "retry": { "attempts": 3, "backoff": "00:00:30" } }
          ],
          "events": { "url": "https://conductor.example/api/events" }
        }
        """;

    /// <summary>The smallest valid config: an agent and one step.</summary>
    public const string Minimal = """
        {
          "agent": { "user": "claude", "home": "/Users/claude" },
          "steps": { "xcode": { "version": "16.2" } }
        }
        """;
}
