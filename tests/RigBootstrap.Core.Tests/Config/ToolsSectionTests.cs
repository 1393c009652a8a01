using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Tests.Config;

public sealed class ToolsSectionTests
{
    [Fact]
    public void Every_known_tool_may_be_overridden_with_an_absolute_path()
    {
        // Arrange
        var json = ConfigJson.Minimal();
        foreach (var tool in ToolNames.All)
        {
            json.Set($"tools.{tool}", $"/opt/tools/{tool}");
        }

        // Act
        var config = ConfigLoader.Parse(json.ToString(), ConfigErrors.FilePath);

        // Assert
        config.Tools.Should().HaveCount(ToolNames.All.Count);
        config.Tools.Should().Contain(ToolNames.SwVers, "/opt/tools/sw_vers");
    }

    [Fact]
    public void Every_known_tool_has_an_absolute_default_path_on_a_real_host()
    {
        // Arrange
        var table = new ToolTable(null, System.Collections.Immutable.ImmutableDictionary<string, string>.Empty);

        // Act
        var paths = ToolNames.All.Select(table.PathOf).ToList();

        // Assert
        paths.Should().OnlyContain(path => Path.IsPathFullyQualified(path));
        table.PathOf(ToolNames.Sudo).Should().Be("/usr/bin/sudo");
    }

    [Fact]
    public void A_tool_path_that_is_not_a_string_is_refused()
    {
        // Arrange
        var json = ConfigJson.Minimal().SetRaw("tools", """{ "git": { "path": "/usr/bin/git" } }""");

        // Act
        var error = ConfigErrors.Single(json);

        // Assert
        error.FieldPath.Should().Be("tools.git");
        error.Message.Should().Be("tools.git must be a string, not an object; set it to the absolute path of git, such as /usr/bin/git");
    }
}
