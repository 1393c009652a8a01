using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

/// <summary>steps.commandLineTools: named, or added for a macOS config whose firstDeploy runs git.</summary>
public sealed class CommandLineToolsSectionTests
{
    private const string Agent = "\"agent\": { \"user\": \"rig\", \"home\": \"/Users/rig\" }";
    private const string Secrets = "\"ageKey\": { \"path\": \"/Users/rig/.rig/age/key.txt\" }, \"secrets\": { \"source\": \"/etc/fleet.sops.yaml\", \"envFile\": \"/Users/rig/.rig/env\" }";
    private const string FirstDeploy = "\"firstDeploy\": { \"repository\": \"https://example.invalid/agent.git\", \"sha\": \"0123456789abcdef0123456789abcdef01234567\", \"agentLabel\": \"ai.invotek.rig-deploy\" }";

    [Fact]
    public void A_macos_config_with_firstDeploy_gets_the_step_without_naming_it()
    {
        var config = ConfigLoader.Parse($$"""{ {{Agent}}, "steps": { {{Secrets}}, {{FirstDeploy}} } }""", "c.json");

        config.Steps.CommandLineTools.Should().NotBeNull();
    }

    [Fact]
    public void A_config_without_firstDeploy_gets_it_only_when_it_names_it()
    {
        var without = ConfigLoader.Parse($$"""{ {{Agent}}, "steps": { "xcode": { "version": "16.2", "xip": { "path": "/Users/Shared/Xcode_16.2.xip", "sha256": "{{ConfigSamples.XipSha256}}" } } } }""", "c.json");
        var named = ConfigLoader.Parse($$"""{ {{Agent}}, "steps": { "commandLineTools": {} } }""", "c.json");

        without.Steps.CommandLineTools.Should().BeNull();
        named.Steps.CommandLineTools.Should().NotBeNull();
    }

    [Fact]
    public void A_linux_config_with_firstDeploy_does_not_get_it()
    {
        var config = ConfigLoader.Parse($$"""{ "platform": "linux", {{Agent}}, "steps": { {{Secrets}}, {{FirstDeploy}} } }""", "c.json");

        config.Steps.CommandLineTools.Should().BeNull();
    }

    [Fact]
    public void A_field_in_the_section_is_refused_with_what_to_write()
    {
        var act = () => ConfigLoader.Parse($$"""{ {{Agent}}, "steps": { "commandLineTools": { "version": "16.4" } } }""", "c.json");

        act.Should().Throw<ConfigException>().Which.Errors.Should().ContainSingle()
            .Which.FieldPath.Should().StartWith("steps.commandLineTools");
    }
}
