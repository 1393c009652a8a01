using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

public sealed class PlatformTests
{
    private const string Agent = "\"agent\": { \"user\": \"rig\", \"home\": \"/home/rig\" }";

    [Fact]
    public void The_platform_defaults_to_macos_and_linux_is_accepted()
    {
        ConfigLoader.Parse($$"""{ {{Agent}}, "steps": { "handoff": { "agentLabel": "ai.invotek.rig-deploy" } } }""", "c.json")
            .Platform.Should().Be(HostPlatform.MacOs);
        ConfigLoader.Parse($$"""{ "platform": "linux", {{Agent}}, "steps": { "handoff": { "agentLabel": "ai.invotek.rig-deploy" } } }""", "c.json")
            .Platform.Should().Be(HostPlatform.Linux);
    }

    [Theory]
    [InlineData("xcode", """{ "version": "16.2", "xip": { "path": "/Users/Shared/Xcode_16.2.xip", "sha256": "0b8c3c6c1d5e0f6f8d87e0bf1e9c4a7d2f3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b" } }""")]
    [InlineData("commandLineTools", "{}")]
    [InlineData("osUpgrade", """{ "minimumVersion": "15.1" }""")]
    [InlineData("tcc", """{ "grants": [ { "service": "kTCCServiceAccessibility", "client": "/usr/local/bin/rig-agent" } ] }""")]
    public void A_macos_only_step_in_a_linux_config_is_an_error_naming_the_step(string section, string body)
    {
        var json = $$"""{ "platform": "linux", {{Agent}}, "steps": { "{{section}}": {{body}} } }""";

        var act = () => ConfigLoader.Parse(json, "c.json");

        var error = act.Should().Throw<ConfigException>().Which.Errors.Should().ContainSingle(e => e.FieldPath == $"steps.{section}").Which;
        error.Message.Should().Contain("macOS-only").And.Contain("platform");
    }

    [Fact]
    public void An_unknown_platform_names_the_allowed_values()
    {
        var act = () => ConfigLoader.Parse($$"""{ "platform": "windows", {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"] } ] }""", "c.json");

        act.Should().Throw<ConfigException>().Which.Errors.Should().Contain(e => e.FieldPath == "platform" && e.Message.Contains("linux"));
    }
}
