namespace RigBootstrap.Core.Tests.TestKit;

/// <summary>Small configs for tests, written as real files.</summary>
public static class Configs
{
    public const string TwoCommands = """
        {
          "agent": { "user": "rig", "home": "/Users/rig" },
          "commands": [
            { "id": "one", "run": ["/bin/sh", "-c", "mkdir -p \"$RIG_HOST_ROOT/tmp\" && echo 1 >> \"$RIG_HOST_ROOT/tmp/one.count\""],
              "check": ["/bin/sh", "-c", "test -f \"$RIG_HOST_ROOT/tmp/one.count\""] },
            { "id": "two", "dependsOn": ["one"], "requiresReboot": true,
              "run": ["/bin/sh", "-c", "echo 1 >> \"$RIG_HOST_ROOT/tmp/two.count\""],
              "check": ["/bin/sh", "-c", "test -f \"$RIG_HOST_ROOT/tmp/two.count\""] }
          ]
        }
        """;

    public static string Write(string directory, string json)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Join(directory, "config.json");
        File.WriteAllText(path, json);
        return path;
    }
}
