using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class CommandLineToolsLabelTests
{
    // Each real list with Command Line Tools in it, and the label that must be installed.
    private static readonly (string Fixture, string Label)[] Lists =
    [
        ("softwareupdate-list-clt-catalina.txt", "Command Line Tools for Xcode-11.3"),
        ("softwareupdate-list-clt-ventura-14.1-fragment.txt", "Command Line Tools for Xcode-14.1"),
        ("softwareupdate-list-clt-ventura-13-spaces.txt", "Command Line Tools for Xcode-14.0"),
        ("softwareupdate-list-clt-sequoia-15.txt", "Command Line Tools for Xcode 26.2-26.2"),
        ("softwareupdate-list-clt-sequoia-15-os-updates-blocked.txt", "Command Line Tools for Xcode 26.2-26.2"),
        ("softwareupdate-list-clt-sierra-10.12.txt", "Command Line Tools (macOS Sierra version 10.12) for Xcode-8.2"),
        ("softwareupdate-list-clt-high-sierra-10.13.txt", "Command Line Tools (macOS High Sierra version 10.13) for Xcode-9.1"),
    ];

    /// <summary>The fixtures these tests cover, for the softwareupdate coverage test.</summary>
    public static IEnumerable<string> FixtureNames => Lists.Select(l => l.Fixture);

    public static TheoryData<string, string> ListCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (fixture, label) in Lists)
        {
            cases.Add(fixture, label);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(ListCases))]
    public void The_newest_Command_Line_Tools_label_of_each_real_list_is_picked(string fixture, string label)
    {
        // Act
        var newest = CommandLineToolsLabel.NewestIn(MacOsFixtures.ReadText(fixture));

        // Assert
        newest.Should().NotBeNull();
        newest!.Label.Should().Be(label);
    }

    [Fact]
    public void Every_softwareupdate_list_clt_fixture_is_covered()
    {
        Lists.Select(l => l.Fixture).Should().BeEquivalentTo(MacOsFixtures.NamesStartingWith("softwareupdate-list-clt-"));
    }

    [Fact]
    public void The_newest_is_chosen_by_version_not_by_its_place_in_the_list()
    {
        // Arrange: Sequoia lists 26.2 last among the tools, but the order is Apple's to change.
        var offered = SoftwareUpdateListParser.Parse(MacOsFixtures.ReadText("softwareupdate-list-clt-sequoia-15.txt")).Reverse().ToImmutableArray();

        // Act
        var newest = CommandLineToolsLabel.Newest(offered);

        // Assert
        newest!.Version.Should().Be("26.2");
    }

    [Theory]
    [InlineData("softwareupdate-list-update-available-catalina.txt")]
    [InlineData("softwareupdate-list-update-available-monterey.txt")]
    [InlineData("softwareupdate-list-none.txt")]
    public void A_list_without_Command_Line_Tools_gives_none(string fixture)
    {
        CommandLineToolsLabel.NewestIn(MacOsFixtures.ReadText(fixture)).Should().BeNull();
    }

    [Fact]
    public void A_beta_is_taken_only_when_nothing_else_is_offered()
    {
        // Arrange
        var release = Update("Command Line Tools for Xcode-16.4", "16.4");
        var beta = Update("Command Line Tools beta 3 for Xcode-26.0", "26.0");

        // Act, Assert
        CommandLineToolsLabel.Newest([beta, release])!.Label.Should().Be(release.Label);
        CommandLineToolsLabel.Newest([beta])!.Label.Should().Be(beta.Label);
    }

    [Fact]
    public void A_version_missing_from_the_title_comes_from_the_label()
    {
        var update = Update("Command Line Tools (OS X 10.10)-6.1", "");

        CommandLineToolsLabel.VersionOf(update).Should().Equal(6, 1);
    }

    private static SoftwareUpdate Update(string label, string version) =>
        new() { Label = label, Title = "Command Line Tools for Xcode", Version = version, Recommended = true };
}
