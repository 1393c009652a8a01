using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class SwVersParserTests
{
    public static TheoryData<string, string, string> Fixtures() => new()
    {
        // One tab after the colon, and no final newline.
        { "sw_vers-macos11.7.2.txt", "11.7.2", "20G1020" },
        { "sw_vers-macos12.6.1.txt", "12.6.1", "21G217" },
        { "sw_vers-macos12.7.6-arm64.txt", "12.7.6", "21H1320" },
        // Two tabs after the colon, and no final newline.
        { "sw_vers-macos15.1.txt", "15.1", "24B83" },
        { "sw_vers-macos15.7.1-arm64.txt", "15.7.1", "24G231" },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_sw_vers_fixture_gives_name_version_and_build(string fixtureName, string version, string build)
    {
        // Arrange
        var stdout = MacOsFixtures.ReadText(fixtureName);

        // Act
        var info = SwVersParser.Parse(stdout);

        // Assert
        info.Should().Be(new SwVersInfo { ProductName = "macOS", ProductVersion = MacOsVersion.Parse(version), BuildVersion = build });
    }

    [Fact]
    public void Every_sw_vers_fixture_is_covered_by_the_fixture_theory()
    {
        // Act
        var covered = Fixtures().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        // Assert
        covered.Should().Equal(MacOsFixtures.NamesStartingWith("sw_vers-"));
    }

    [Fact]
    public void Catalina_s_product_name_extra_keys_and_crlf_are_read()
    {
        // Arrange
        var stdout = "ProductName:\tMac OS X\r\nProductVersion:\t10.15.7\r\nBuildVersion:\t19H2\r\nProductVersionExtra:\t(a)\r\n";

        // Act
        var info = SwVersParser.Parse(stdout);

        // Assert
        info.Should().Be(new SwVersInfo { ProductName = "Mac OS X", ProductVersion = new MacOsVersion(10, 15, 7), BuildVersion = "19H2" });
    }

    [Theory]
    [InlineData("15.7.1\n", "15.7.1")]
    [InlineData("15.1", "15.1")]
    [InlineData("10.13\n", "10.13")]
    [InlineData("  26.2\r\n", "26.2")]
    public void The_product_version_line_parses_to_a_version(string stdout, string expected)
    {
        // Act
        var version = SwVersParser.ParseProductVersion(stdout);

        // Assert
        version.Should().Be(MacOsVersion.Parse(expected));
    }

    [Fact]
    public void The_product_version_of_every_fixture_matches_what_the_one_line_form_would_print()
    {
        // Act
        var versions = Fixtures().Select(row => SwVersParser.Parse(MacOsFixtures.ReadText((string)row[0])).ProductVersion);

        // Assert
        versions.Should().Equal(Fixtures().Select(row => SwVersParser.ParseProductVersion((string)row[1] + "\n")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("15.1\n24B83\n")]
    [InlineData("sw_vers: unknown option -- x\n")]
    [InlineData("(a)")]
    public void A_product_version_that_is_not_one_version_gives_a_format_exception_quoting_it(string stdout)
    {
        // Act
        var parse = () => SwVersParser.ParseProductVersion(stdout);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("sw_vers -productVersion printed '*', which is not a macOS version such as 15.1.");
    }

    [Theory]
    [InlineData("", "ProductVersion")]
    [InlineData("ProductName:\tmacOS\nBuildVersion:\t24B83\n", "ProductVersion")]
    [InlineData("ProductName:\tmacOS\nProductVersion:\t15.1\n", "BuildVersion")]
    [InlineData("ProductVersion:\t15.1\nBuildVersion:\t24B83\n", "ProductName")]
    [InlineData("ProductName:\tmacOS\nProductVersion:\t\nBuildVersion:\t24B83\n", "ProductVersion")]
    [InlineData("ProductName macOS\nProductVersion 15.1\nBuildVersion 24B83\n", "ProductVersion")]
    public void A_missing_key_gives_a_format_exception_naming_it(string stdout, string missingKey)
    {
        // Act
        var parse = () => SwVersParser.Parse(stdout);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage($"sw_vers printed no {missingKey} line*");
    }

    [Fact]
    public void A_product_version_that_is_not_a_version_gives_a_format_exception_quoting_it()
    {
        // Act
        var parse = () => SwVersParser.Parse("ProductName:\tmacOS\nProductVersion:\tfifteen\nBuildVersion:\t24B83\n");

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("sw_vers printed ProductVersion 'fifteen', which is not a macOS version*");
    }
}
