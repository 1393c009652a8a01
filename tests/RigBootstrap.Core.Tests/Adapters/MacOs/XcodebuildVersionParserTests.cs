using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class XcodebuildVersionParserTests
{
    public static TheoryData<string, XcodeVersionInfo> Fixtures() => new()
    {
        { "xcodebuild-version-8.2.1.txt", new XcodeVersionInfo { Version = "8.2.1", Build = "8C1002" } },
        // Major only, with " beta6" after it.
        { "xcodebuild-version-16-beta6.txt", new XcodeVersionInfo { Version = "16", Qualifier = "beta6", Build = "16A5230g" } },
        // Two objc[…] warning lines come first (the Xcode 13.2.1 bug).
        { "xcodebuild-version-13.2.1-objc-warnings.txt", new XcodeVersionInfo { Version = "13.2.1", Build = "13C100" } },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_xcodebuild_fixture_gives_version_and_build(string fixtureName, XcodeVersionInfo expected)
    {
        // Arrange
        var stdout = MacOsFixtures.ReadText(fixtureName);

        // Act
        var info = XcodebuildVersionParser.Parse(stdout);

        // Assert
        info.Should().Be(expected);
    }

    [Fact]
    public void Every_xcodebuild_fixture_is_covered_by_the_fixture_theory()
    {
        // Act
        var covered = Fixtures().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        // Assert
        covered.Should().Equal(MacOsFixtures.NamesStartingWith("xcodebuild-"));
    }

    [Theory]
    [InlineData("Xcode 16.2\r\nBuild version 16C5032a\r\n", "16.2", null, "16C5032a")]
    [InlineData("Xcode 15.0 Release Candidate\nBuild version 15A240d", "15.0", "Release Candidate", "15A240d")]
    [InlineData("objc[1]: noise\nXcode  14.3.1\nBuild version  14E300c  \n", "14.3.1", null, "14E300c")]
    public void Crlf_qualifiers_and_extra_spaces_are_read(string stdout, string version, string? qualifier, string build)
    {
        // Act
        var info = XcodebuildVersionParser.Parse(stdout);

        // Assert
        info.Should().Be(new XcodeVersionInfo { Version = version, Qualifier = qualifier, Build = build });
    }

    [Theory]
    [InlineData("")]
    [InlineData("xcode-select: error: tool 'xcodebuild' requires Xcode, but active developer directory '/Library/Developer/CommandLineTools' is a command line tools instance\n")]
    [InlineData("Xcode 16.2\n")]
    [InlineData("Build version 16C5032a\n")]
    [InlineData("Xcode sixteen\nBuild version 16C5032a\n")]
    [InlineData("Xcode 16.2.1.4\nBuild version 16C5032a\n")]
    [InlineData("Xcode 16.2abc\nBuild version 16C5032a\n")]
    [InlineData("  Xcode 16.2\nBuild version 16C5032a\n")]
    [InlineData("Xcode 16.2\nBuild version \n")]
    public void Output_without_both_lines_gives_a_format_exception_naming_the_fix(string stdout)
    {
        // Act
        var parse = () => XcodebuildVersionParser.Parse(stdout);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("xcodebuild -version printed '*'*`xcode-select -p`*");
    }
}
