using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

public sealed class FieldFormatTests
{
    [Theory]
    [InlineData("label", "bootstrap", "such as com.rig.bootstrap")]
    [InlineData("label", "com.rig.bootstrap\n", "such as com.rig.bootstrap")]
    [InlineData("label", "com/rig.bootstrap", "such as com.rig.bootstrap")]
    [InlineData("steps.firstDeploy.agentLabel", "rig-deploy", "such as ai.invotek.rig-deploy")]
    [InlineData("steps.handoff.agentLabel", "ai..rig-deploy", "such as ai.invotek.rig-deploy")]
    public void A_label_that_is_not_reverse_dns_is_refused(string path, string value, string fix)
    {
        // Arrange: handoff and firstDeploy must agree, so both change together.
        var json = ConfigJson.DesignExample().Set(path, value);
        if (path.StartsWith("steps.", StringComparison.Ordinal))
        {
            json.Set("steps.firstDeploy.agentLabel", value).Set("steps.handoff.agentLabel", value);
        }

        // Act
        var errors = ConfigErrors.Of(json);

        // Assert
        errors.Should().Contain(error => error.FieldPath == path
            && error.Message.StartsWith($"{path} must be a reverse-DNS label with at least one dot, {fix}"));
    }

    [Theory]
    [InlineData("agent.user", "Claude")]
    [InlineData("agent.user", "1claude")]
    [InlineData("agent.user", "claude smith")]
    [InlineData("steps.autologin.user", "-claude")]
    public void A_user_name_outside_the_short_name_pattern_is_refused(string path, string value)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(path, value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().Contain("must be a short user name").And.Contain("such as claude");
    }

    [Theory]
    [InlineData("agent.home", "Users/claude", "is not an absolute path")]
    [InlineData("agent.home", "/Users/claude/", "ends with /")]
    [InlineData("steps.ageKey.path", "/Users/claude/../../etc/key.txt", "contains a .. segment, which could escape the host root")]
    [InlineData("steps.ageKey.path", "/Users/claude/./key.txt", "contains a . segment")]
    [InlineData("steps.secrets.source", "/var/db//fleet.sops.env", "contains //")]
    [InlineData("steps.secrets.envFile", "/Users/claude/env\u0000", "contains a NUL or control character")]
    [InlineData("steps.secrets.envFile", "/", "is the root directory itself")]
    [InlineData("tools.git", "git", "is not an absolute path")]
    [InlineData("tools.sw_vers", "/usr/bin/../bin/sw_vers", "contains a .. segment")]
    public void A_path_that_is_not_absolute_and_normalized_is_refused(string path, string value, string problem)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(path, value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().StartWith($"{path} {problem}").And.Contain("; use an absolute, normalized path such as /");
    }

    [Theory]
    [InlineData("steps.xcode.version", "sixteen", "16.2")]
    [InlineData("steps.xcode.version", "16.2.1.0", "16.2")]
    [InlineData("steps.xcode.version", "16.2 beta", "16.2")]
    [InlineData("steps.osUpgrade.minimumVersion", "v15", "15.1")]
    [InlineData("steps.osUpgrade.minimumVersion", "١٥", "15.1")]
    public void A_bad_version_string_is_refused(string path, string value, string example)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(path, value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().Be($"{path} is a bad version string (\"{value}\"); use a version such as {example}");
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567")]
    [InlineData("0123456")]
    [InlineData("main")]
    public void A_commit_that_is_not_a_full_lowercase_sha_is_refused(string value)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("steps.firstDeploy.sha", value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("steps.firstDeploy.sha");
        error.Message.Should().Contain("must be a full 40-character lowercase hex commit SHA such as 0123456789abcdef0123456789abcdef01234567");
    }

    [Theory]
    [InlineData("https://github.com/example/automate-e.git")]
    [InlineData("ssh://git@github.com/example/automate-e.git")]
    [InlineData("git@github.com:example/automate-e.git")]
    [InlineData("file:///srv/git/automate-e.git")]
    [InlineData("/srv/git/automate-e.git")]
    public void Every_documented_repository_form_is_accepted(string value)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("steps.firstDeploy.repository", value);

        // Act
        var config = ConfigLoader.Parse(json.ToString(), ConfigErrors.FilePath);

        // Assert
        config.Steps.FirstDeploy!.Repository.Should().Be(value);
    }

    [Theory]
    [InlineData("http://github.com/example/automate-e.git")]
    [InlineData("github.com/example/automate-e.git")]
    [InlineData("srv/git/automate-e.git")]
    [InlineData("/srv/git/../automate-e.git")]
    public void A_repository_in_any_other_form_is_refused(string value)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("steps.firstDeploy.repository", value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("steps.firstDeploy.repository");
        error.Message.Should().EndWith("use an https://, ssh://, file:// or git@host:path URL, or an absolute path, "
            + "such as https://github.com/example/automate-e.git");
    }

    [Theory]
    [InlineData("steps.keychain.items[0].secret", "CLAUDE-OAUTH", "CLAUDE_OAUTH_JSON")]
    [InlineData("steps.keychain.items[0].secret", "1PASSWORD", "CLAUDE_OAUTH_JSON")]
    [InlineData("steps.autologin.passwordSecret", "agent password", "AGENT_PASSWORD")]
    public void A_secret_name_outside_the_env_name_pattern_is_refused(string path, string value, string example)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(path, value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().Be(
            $"{path} must be a secret name (letters, digits and _, not starting with a digit) such as {example}, not \"{value}\"");
    }

    [Theory]
    [InlineData("com.example.agent")]
    [InlineData("/Applications/Rig Agent.app")]
    public void A_tcc_client_may_be_an_absolute_path_or_a_bundle_id(string value)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("steps.tcc.grants[0].client", value);

        // Act
        var config = ConfigLoader.Parse(json.ToString(), ConfigErrors.FilePath);

        // Assert
        config.Steps.Tcc!.Grants[0].Client.Should().Be(value);
    }

    [Theory]
    [InlineData("steps.tcc.grants[0].client", "rig-agent", "must be an absolute path or a bundle id")]
    [InlineData("steps.tcc.grants[0].client", "/usr/local/bin/../rig-agent", "contains a .. segment")]
    [InlineData("steps.tcc.grants[0].service", "Accessibility", "must be a TCC service name such as kTCCServiceAccessibility")]
    public void A_tcc_grant_in_another_form_is_refused(string path, string value, string problem)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(path, value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().StartWith($"{path} {problem}");
    }

    [Theory]
    [InlineData("ftp://conductor.example/api/events")]
    [InlineData("/api/events")]
    [InlineData("conductor.example/api/events")]
    public void An_events_url_that_is_not_absolute_http_is_refused(string value)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("events.url", value);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("events.url");
        error.Message.Should().Be(
            $"events.url must be an absolute http or https URL such as https://conductor.example/api/events, not \"{value}\"");
    }

    [Theory]
    [InlineData("agent.user")]
    [InlineData("commands[0].run[2]")]
    public void A_string_with_a_lone_surrogate_escape_is_refused_instead_of_crashing(string path)
    {
        // Arrange: JsonDocument accepts "\ud800" and only fails when the string is read.
        var json = ConfigJson.DesignExample().Set(path, "PLACEHOLDER").ToString().Replace("PLACEHOLDER", "\\ud800");

        // Act
        var error = ConfigErrors.Of(json).Should().ContainSingle().Subject;

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().Be($"{path} contains an invalid \\u escape (a lone UTF-16 surrogate); "
            + "write the character itself or fix the escape");
    }
}
