namespace RigBootstrap.Core.Tests.Config;

public sealed class RequiredFieldTests
{
    [Theory]
    [InlineData("agent", "add \"agent\": { \"user\": \"claude\", \"home\": \"/Users/claude\" }")]
    [InlineData("agent.user", "set it to the agent's short user name such as claude")]
    [InlineData("agent.home", "set it to the agent's home directory such as /Users/claude")]
    [InlineData("steps.ageKey.path", "such as /Users/claude/.rig/age/key.txt")]
    [InlineData("steps.secrets.source", "such as /var/db/rig-bootstrap/fleet.sops.env")]
    [InlineData("steps.secrets.envFile", "such as /Users/claude/.rig/current/env")]
    [InlineData("steps.keychain.items", "list at least one item such as")]
    [InlineData("steps.keychain.items[0].secret", "set it to the name of a secret such as CLAUDE_OAUTH_JSON")]
    [InlineData("steps.xcode.version", "set it to an Xcode version such as 16.2")]
    [InlineData("steps.autologin.passwordSecret", "such as AGENT_PASSWORD")]
    [InlineData("steps.firstDeploy.sha", "such as 0123456789abcdef0123456789abcdef01234567")]
    [InlineData("steps.tcc.grants[0].client", "such as /usr/local/bin/rig-agent")]
    [InlineData("steps.osUpgrade.minimumVersion", "set it to a macOS version such as 15.1")]
    [InlineData("steps.handoff.agentLabel", "such as ai.invotek.rig-deploy")]
    [InlineData("commands[0].id", "set it to a step id such as brew-bundle")]
    [InlineData("commands[0].run", "give the program and its arguments, such as [\"/bin/sh\", \"-c\", \"brew bundle\"]")]
    [InlineData("events.url", "such as https://conductor.example/api/events")]
    public void A_missing_required_field_is_named_with_what_to_set(string path, string fix)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Remove(path);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().StartWith($"{path} is missing; ").And.Contain(fix);
    }

    [Fact]
    public void An_empty_required_string_is_refused_like_a_missing_one()
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("steps.keychain.items[0].account", "");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("steps.keychain.items[0].account");
        error.Message.Should().Be("steps.keychain.items[0].account is empty; set it to the keychain account name such as claude");
    }

    [Theory]
    [InlineData("steps.keychain.items")]
    [InlineData("steps.tcc.grants")]
    public void An_empty_list_of_items_is_refused(string path)
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw(path, "[]");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().StartWith($"{path} is empty; list at least one");
    }

    [Theory]
    [InlineData("{ \"agent\": { \"user\": \"claude\", \"home\": \"/Users/claude\" } }")]
    [InlineData("{ \"agent\": { \"user\": \"claude\", \"home\": \"/Users/claude\" }, \"steps\": {}, \"commands\": [] }")]
    public void A_config_with_no_step_and_no_command_has_nothing_to_do(string json)
    {
        // Act
        var error = ConfigErrors.Of(json).Should().ContainSingle().Subject;

        // Assert
        error.FieldPath.Should().Be("steps");
        error.Message.Should().Be("nothing to do; add a step under steps or commands");
    }

    [Fact]
    public void A_config_with_only_commands_is_enough()
    {
        // Arrange
        var json = ConfigJson.Minimal().Remove("steps").SetRaw("commands", """[ { "id": "hello", "run": ["/bin/echo"] } ]""");

        // Act
        var config = RigBootstrap.Core.Config.ConfigLoader.Parse(json.ToString(), ConfigErrors.FilePath);

        // Assert
        config.Commands.Should().ContainSingle().Which.Id.Should().Be("hello");
    }
}
