namespace RigBootstrap.Core.Tests.Config;

/// <summary>Config texts the tests start from.</summary>
internal static class ConfigSamples
{
    /// <summary>The example of docs/design.md §8, verbatim (tests/Fixtures/configs/design-example.json).</summary>
    public static string DesignExample { get; } =
        File.ReadAllText(Path.Join(AppContext.BaseDirectory, "Fixtures", "configs", "design-example.json"));


    /// <summary>The pin of the samples' Xcode archive (any 64 hex digits pass validation).</summary>
    public const string XipSha256 = "0b8c3c6c1d5e0f6f8d87e0bf1e9c4a7d2f3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b";

    /// <summary>The smallest valid config: an agent and one step.</summary>
    public const string Minimal = """
        {
          "agent": { "user": "claude", "home": "/Users/claude" },
          "steps": { "xcode": { "version": "16.2", "xip": { "path": "/Users/Shared/Xcode_16.2.xip", "sha256": "0b8c3c6c1d5e0f6f8d87e0bf1e9c4a7d2f3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b" } } }
        }
        """;
}
