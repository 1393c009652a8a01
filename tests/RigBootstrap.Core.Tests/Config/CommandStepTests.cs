using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

public sealed class CommandStepTests
{
    [Theory]
    [InlineData("Brew-Bundle")]
    [InlineData("-brew")]
    [InlineData("brew_bundle")]
    [InlineData("brew bundle")]
    public void A_command_id_outside_the_id_pattern_is_refused(string id)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("commands[0].id", id);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("commands[0].id");
        error.Message.Should().Be("commands[0].id must be lowercase letters, digits and -, starting with a letter or digit, "
            + $"such as brew-bundle, not \"{id}\"");
    }

    [Fact]
    public void Two_commands_with_one_id_are_a_duplicate_step_id_naming_both_places()
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw("commands[1]", """{ "id": "brew-bundle", "run": ["/bin/true"] }""");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("commands[1].id");
        error.Message.Should().Be("commands[1].id \"brew-bundle\" is a duplicate step id: commands[0].id has it too; "
            + "give each command its own id");
    }

    [Fact]
    public void A_command_may_not_take_the_id_of_a_built_in_step()
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set("commands[0].id", "first-deploy");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("commands[0].id");
        error.Message.Should().Be("commands[0].id \"first-deploy\" is a duplicate step id: the built-in step "
            + "steps.firstDeploy has it; choose another id");
    }

    [Theory]
    [InlineData("commands[0].run")]
    [InlineData("commands[0].check")]
    public void An_empty_program_is_refused(string path)
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw(path, "[]");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().Be($"{path} is empty; give the program and its arguments, such as [\"/bin/sh\", \"-c\", \"brew bundle\"]");
    }

    [Theory]
    [InlineData("commands[0].run[0]", "sh")]
    [InlineData("commands[0].check[0]", "./check.sh")]
    public void A_program_not_given_by_absolute_path_is_refused(string path, string program)
    {
        // Arrange
        var json = ConfigJson.DesignExample().Set(path, program);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be(path);
        error.Message.Should().Be($"{path} is not an absolute path (\"{program}\"); start with the program's absolute path "
            + "such as /bin/sh (programs are not looked up through PATH)");
    }

    [Fact]
    public void A_dependency_on_an_unknown_step_lists_the_steps_that_exist()
    {
        // Arrange
        var json = ConfigJson.Minimal()
            .SetRaw("commands", """
                [ { "id": "fetch", "run": ["/bin/true"] },
                  { "id": "build", "run": ["/bin/true"], "dependsOn": ["fetch", "fecth"] } ]
                """);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("commands[1].dependsOn[1]");
        error.Message.Should().Be("commands[1].dependsOn[1] \"fecth\" is not a configured step; use one of: xcode, fetch");
    }

    [Fact]
    public void A_dependency_on_a_built_in_step_that_is_not_configured_says_which_section_to_add()
    {
        // Arrange
        var json = ConfigJson.Minimal().SetRaw("commands", """[ { "id": "a", "run": ["/bin/true"], "dependsOn": ["tcc"] } ]""");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("commands[0].dependsOn[0]");
        error.Message.Should().Be("commands[0].dependsOn[0] \"tcc\" is not a configured step; use one of: xcode, or add steps.tcc");
    }

    [Fact]
    public void Depending_on_handoff_is_refused_because_nothing_runs_after_it()
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw("commands[0].dependsOn", """["secrets", "handoff"]""");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("commands[0].dependsOn[1]");
        error.Message.Should().Be("commands[0].dependsOn[1] is \"handoff\", but handoff is the last step and nothing runs after it; "
            + "remove this entry");
    }

    [Fact]
    public void Commands_may_depend_on_configured_built_in_steps_and_on_each_other()
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw("commands[1]",
            """{ "id": "warm-cache", "run": ["/bin/true"], "dependsOn": ["brew-bundle", "xcode", "os-upgrade"] }""");

        // Act
        var config = ConfigLoader.Parse(json.ToString(), ConfigErrors.FilePath);

        // Assert
        config.Commands[1].DependsOn.Should().Equal("brew-bundle", "xcode", "os-upgrade");
    }

    [Fact]
    public void A_dependency_cycle_is_reported_once_by_naming_the_cycle()
    {
        // Arrange
        var json = ConfigJson.Minimal().SetRaw("commands", """
            [ { "id": "a", "run": ["/bin/true"], "dependsOn": ["b"] },
              { "id": "b", "run": ["/bin/true"], "dependsOn": ["c"] },
              { "id": "c", "run": ["/bin/true"], "dependsOn": ["a", "b"] } ]
            """);

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("commands[0].dependsOn");
        error.Message.Should().Be("commands[0].dependsOn closes a dependency cycle: a -> b -> c -> a; remove one of these dependsOn entries");
    }

    [Fact]
    public void A_command_depending_on_itself_is_a_cycle()
    {
        // Arrange
        var json = ConfigJson.DesignExample().SetRaw("commands[0].dependsOn", """["brew-bundle"]""");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.Message.Should().Contain("dependency cycle: brew-bundle -> brew-bundle;");
    }

    [Fact]
    public void Two_separate_cycles_are_each_reported()
    {
        // Arrange
        var json = ConfigJson.Minimal().SetRaw("commands", """
            [ { "id": "a", "run": ["/bin/true"], "dependsOn": ["b"] },
              { "id": "b", "run": ["/bin/true"], "dependsOn": ["a"] },
              { "id": "c", "run": ["/bin/true"], "dependsOn": ["d"] },
              { "id": "d", "run": ["/bin/true"], "dependsOn": ["c"] } ]
            """);

        // Act
        var errors = ConfigErrors.Of(json);

        // Assert
        errors.Select(error => error.Message).Should().Equal(
            "commands[0].dependsOn closes a dependency cycle: a -> b -> a; remove one of these dependsOn entries",
            "commands[2].dependsOn closes a dependency cycle: c -> d -> c; remove one of these dependsOn entries");
    }

    [Fact]
    public void A_long_chain_of_commands_is_checked_without_exhausting_the_stack()
    {
        // Arrange: each command depends on the next one, and the last closes the loop (just under MaxFileBytes).
        const int Count = 10_000;
        var commands = Enumerable.Range(0, Count).Select(i =>
            $$"""{ "id": "c{{i}}", "run": ["/bin/true"], "dependsOn": ["c{{(i + 1) % Count}}"] }""");
        var json = ConfigJson.Minimal().SetRaw("commands", $"[{string.Join(",", commands)}]");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("commands[0].dependsOn");
        error.Message.Should().StartWith("commands[0].dependsOn closes a dependency cycle: c0 -> c1 -> c2").And.Contain("c9999 -> c0;");
    }
}
