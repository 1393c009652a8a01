namespace RigBootstrap.Core.Tests.Config;

public sealed class UnknownFieldTests
{
    [Theory]
    [InlineData("steps.xcode.versio", "version")]
    [InlineData("lable", "label")]
    [InlineData("agent.hoem", "home")]
    [InlineData("reboot.maxReboot", "maxReboots")]
    [InlineData("daemon.maxCrashPerBoot", "maxCrashesPerBoot")]
    [InlineData("steps.age-key", "ageKey")]
    [InlineData("commands[0].dependOn", "dependsOn")]
    [InlineData("commands[0].retry.attempt", "attempts")]
    [InlineData("events.uri", "url")]
    [InlineData("steps.keychain.items[0].secrt", "secret")]
    [InlineData("steps.handoff.StableFor", "stableFor")]
    public void A_misspelt_field_is_named_by_its_full_path_with_the_closest_known_name(string path, string closest)
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw(path, "\"x\"");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().Be($"{path} is not a known field; did you mean `{closest}`?");
    }

    [Fact]
    public void A_field_far_from_every_known_name_gets_the_list_of_known_fields()
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw("steps.firstDeploy.branch", "\"main\"");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("steps.firstDeploy.branch");
        error.Message.Should().Be("steps.firstDeploy.branch is not a known field; use one of: repository, sha, agentLabel, startIntervalSeconds");
    }

    [Fact]
    public void An_unknown_tool_suggests_the_closest_tool_name()
    {
        // Arrange
        var json = ConfigJson.Minimal().SetRaw("tools", """{ "gti": "/usr/bin/git" }""");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("tools.gti");
        error.Message.Should().Be("tools.gti is not a known tool; did you mean `git`?");
    }

    [Fact]
    public void An_unknown_tool_far_from_every_name_lists_the_known_tools()
    {
        // Arrange
        var json = ConfigJson.Minimal().SetRaw("tools", """{ "brew": "/opt/homebrew/bin/brew" }""");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.Message.Should().StartWith("tools.brew is not a known tool; use one of: DevToolsSecurity, codesign, defaults, diskutil, dscl, dseditgroup, fdesetup, git");
    }

    [Fact]
    public void A_field_given_twice_in_one_object_is_refused()
    {
        // Arrange: JsonDocument keeps both copies, so only the loader can notice.
        const string json = """
            {
              "agent": { "user": "claude", "home": "/Users/claude", "user": "admin" },
              "steps": { "osUpgrade": { "minimumVersion": "15.1" } }
            }
            """;

        // Act
        var error = ConfigErrors.Of(json).Should().ContainSingle().Subject;

        // Assert
        error.FieldPath.Should().Be("agent.user");
        error.Message.Should().Be("agent.user is set more than once in the same object; keep only one of them");
    }

    [Fact]
    public void A_field_name_with_a_lone_surrogate_escape_is_refused()
    {
        // Arrange
        var json = ConfigJson.Minimal().SetRaw("agent.PLACEHOLDER", "1").ToString().Replace("PLACEHOLDER", "\\udc00");

        // Act
        var error = ConfigErrors.Of(json).Should().ContainSingle().Subject;

        // Assert
        error.FieldPath.Should().Be("agent");
        error.Message.Should().StartWith("agent has a field name that contains an invalid \\u escape");
    }
}
