namespace RigBootstrap.Core.Tests.Config;

public sealed class StepDataFlowTests
{
    [Theory]
    [InlineData("keychain", "secrets")]
    [InlineData("autologin", "secrets")]
    [InlineData("firstDeploy", "secrets")]
    public void A_step_that_reads_secrets_needs_the_secrets_step(string section, string needed)
    {
        // Arrange: keep only the step under test, so that exactly one dependency is missing.
        var json = ConfigJson.DesignExample().Remove("commands").Remove("steps.secrets");
        foreach (var other in new[] { "keychain", "autologin", "firstDeploy" }.Where(other => other != section))
        {
            json.Remove($"steps.{other}");
        }

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be($"steps.{section}");
        error.Message.Should().StartWith($"steps.{section} needs steps.{needed}, ")
            .And.EndWith($"; add steps.{needed} or remove steps.{section}");
    }

    [Fact]
    public void The_secrets_step_needs_the_age_key_that_decrypts_them()
    {
        // Arrange
        var json = ConfigJson.DesignExample().Remove("steps.ageKey");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("steps.secrets");
        error.Message.Should().Be("steps.secrets needs steps.ageKey, the key that decrypts the secrets file; "
            + "add steps.ageKey or remove steps.secrets");
    }

    [Fact]
    public void Removing_the_secrets_step_reports_every_step_that_reads_it()
    {
        // Arrange: the brew-bundle command depends on secrets too.
        var json = ConfigJson.DesignExample().Remove("steps.secrets");

        // Act
        var errors = ConfigErrors.Of(json);

        // Assert
        errors.Select(error => error.FieldPath).Should().Equal(
            "steps.keychain", "steps.autologin", "steps.firstDeploy", "commands[0].dependsOn[0]");
    }

    [Fact]
    public void Handoff_must_wait_for_the_agent_that_first_deploy_installs()
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("steps.handoff.agentLabel", "ai.invotek.other-agent");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("steps.handoff.agentLabel");
        error.Message.Should().Be("steps.handoff.agentLabel (\"ai.invotek.other-agent\") differs from "
            + "steps.firstDeploy.agentLabel (\"ai.invotek.rig-deploy\"); "
            + "hand off to the agent that firstDeploy installs: set both to the same label");
    }

    [Fact]
    public void Handoff_without_first_deploy_may_name_any_agent()
    {
        // Arrange
        var json = ConfigJson.DesignExample().Remove("steps.firstDeploy").Remove("steps.tcc")
            .Set("steps.handoff.agentLabel", "com.example.fleet-agent");

        // Act
        var config = RigBootstrap.Core.Config.ConfigLoader.Parse(json.ToString(), ConfigErrors.FilePath);

        // Assert
        config.Steps.Handoff!.AgentLabel.Should().Be("com.example.fleet-agent");
    }
}
