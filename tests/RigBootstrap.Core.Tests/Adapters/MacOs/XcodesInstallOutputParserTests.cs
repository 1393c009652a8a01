using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class XcodesInstallOutputParserTests
{
    private const string FixtureName = "xcodes-install-progress.txt";

    [Fact]
    public void The_install_fixture_gives_the_app_path_from_its_last_line()
    {
        // Arrange
        var output = MacOsFixtures.ReadText(FixtureName);

        // Act
        var appPath = XcodesInstallOutputParser.ParseInstalledAppPath(output);

        // Assert
        appPath.Should().Be("/Applications/Xcode-11.2.0.app");
    }

    [Fact]
    public void The_install_fixture_gives_its_six_steps_in_order()
    {
        // Arrange
        var output = MacOsFixtures.ReadText(FixtureName);

        // Act
        var steps = XcodesInstallOutputParser.Steps(output);

        // Assert
        steps.Select(step => step.Number).Should().Equal(1, 2, 3, 4, 5, 6);
        steps.Should().AllSatisfy(step => step.Total.Should().Be(6));
        steps[0].Description.Should().Be("Downloading Xcode 11.2.0: 100%");
        steps[2].Description.Should().Be("Moving Xcode to /Applications/Xcode-11.2.0.app");
    }

    [Fact]
    public void Every_xcodes_fixture_is_covered()
    {
        // Assert
        MacOsFixtures.NamesStartingWith("xcodes-").Should().Equal(FixtureName);
    }

    [Theory]
    [InlineData("(1/6) Downloading Xcode 16.2: 42%", 1, 6, "Downloading Xcode 16.2: 42%")]
    [InlineData("  (6/6) Finishing installation\r", 6, 6, "Finishing installation")]
    [InlineData("(2/7) Unarchiving Xcode (This can take a while)", 2, 7, "Unarchiving Xcode (This can take a while)")]
    public void Step_lines_parse(string line, int number, int total, string description)
    {
        // Act
        var step = XcodesInstallOutputParser.ParseStep(line);

        // Assert
        step.Should().Be(new XcodesInstallStep(number, total, description));
    }

    [Theory]
    [InlineData("")]
    [InlineData("macOS User Password:")]
    [InlineData("(7/6) Too far")]
    [InlineData("(0/6) Too early")]
    [InlineData("(1/6)")]
    [InlineData("(a/6) Letters")]
    [InlineData("1/6 No parentheses")]
    public void Other_lines_are_not_steps(string line)
    {
        // Act
        var step = XcodesInstallOutputParser.ParseStep(line);

        // Assert
        step.Should().BeNull();
    }

    [Fact]
    public void Download_progress_redrawn_with_carriage_returns_counts_each_redraw()
    {
        // Arrange
        var output = "(1/6) Downloading Xcode 16.2: 1%\r(1/6) Downloading Xcode 16.2: 50%\r(1/6) Downloading Xcode 16.2: 100%\n(2/6) Unarchiving Xcode\n";

        // Act
        var steps = XcodesInstallOutputParser.Steps(output);

        // Assert
        steps.Select(step => step.Number).Should().Equal(1, 1, 1, 2);
    }

    [Fact]
    public void An_install_that_stopped_early_gives_a_format_exception_naming_the_last_step()
    {
        // Arrange: the fixture cut before its last line, as when the password prompt fails.
        var output = string.Join('\n', MacOsFixtures.ReadText(FixtureName).Split('\n').Where(line => !line.Contains("has been installed", StringComparison.Ordinal)));

        // Act
        var parse = () => XcodesInstallOutputParser.ParseInstalledAppPath(output);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("xcodes install stopped after step (6/6) Finishing installation without saying where Xcode was installed*retry the step.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Error: Invalid username and password combination.\n")]
    [InlineData("Xcode 11.2.0 has been installed to Applications/Xcode.app\n")]
    [InlineData("Xcode 11.2.0 has been installed to /Applications/Xcode-11.2.0\n")]
    public void Output_without_the_installed_line_gives_a_format_exception(string output)
    {
        // Act
        var parse = () => XcodesInstallOutputParser.ParseInstalledAppPath(output);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("xcodes install stopped before its first step*");
    }

    [Fact]
    public void A_trailing_slash_on_the_app_path_is_dropped()
    {
        // Act
        var appPath = XcodesInstallOutputParser.ParseInstalledAppPath("Xcode 16.2 has been installed to /Applications/Xcode-16.2.app/\n");

        // Assert
        appPath.Should().Be("/Applications/Xcode-16.2.app");
    }
}
