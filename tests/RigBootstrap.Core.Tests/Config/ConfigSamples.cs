namespace RigBootstrap.Core.Tests.Config;

/// <summary>Config texts the tests start from.</summary>
internal static class ConfigSamples
{
    /// <summary>The example of DESIGN §8, verbatim (tests/Fixtures/configs/design-example.json).</summary>
    public static string DesignExample { get; } =
        File.ReadAllText(Path.Join(AppContext.BaseDirectory, "Fixtures", "configs", "design-example.json"));


    /// <summary>The smallest valid config: an agent and one step.</summary>
    public const string Minimal = """
        {
          "agent": { "user": "claude", "home": "/Users/claude" },
          "steps": { "xcode": { "version": "16.2" } }
        }
        """;
}
