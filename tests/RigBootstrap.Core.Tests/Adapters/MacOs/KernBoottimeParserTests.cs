using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class KernBoottimeParserTests
{
    [Fact]
    public void The_sysctl_fixture_gives_seconds_and_six_digits_of_microseconds()
    {
        // Arrange
        var output = MacOsFixtures.ReadText("sysctl-kern-boottime.txt");

        // Act
        var bootId = KernBoottimeParser.Parse(output);

        // Assert
        bootId.Should().Be("1426005997.000000");
    }

    [Fact]
    public void Every_sysctl_fixture_parses()
    {
        // Act
        var bootIds = MacOsFixtures.NamesStartingWith("sysctl-").Select(name => KernBoottimeParser.Parse(MacOsFixtures.ReadText(name)));

        // Assert
        bootIds.Should().NotBeEmpty().And.AllSatisfy(id => id.Should().MatchRegex(@"^[0-9]+\.[0-9]{6}$"));
    }

    [Theory]
    [InlineData("{ sec = 1525431060, usec = 42 } Fri May  4 10:51:00 2018\n", "1525431060.000042")]
    [InlineData("kern.boottime: { sec = 1700000000, usec = 123456 } Tue Nov 14 22:13:20 2023\r\n", "1700000000.123456")]
    [InlineData("{sec=1,usec=7}", "1.000007")]
    public void The_n_form_and_spacing_variants_give_the_same_kind_of_id(string output, string expected)
    {
        // Act
        var bootId = KernBoottimeParser.Parse(output);

        // Assert
        bootId.Should().Be(expected);
    }

    [Fact]
    public void The_same_output_always_gives_the_same_id_and_another_boot_a_different_one()
    {
        // Arrange
        var firstBoot = "kern.boottime: { sec = 1426005997, usec = 0 } Tue Mar 10 11:46:37 2015\n";
        var secondBoot = "kern.boottime: { sec = 1426090000, usec = 0 } Wed Mar 11 11:06:40 2015\n";

        // Act and Assert
        KernBoottimeParser.Parse(firstBoot).Should().Be(KernBoottimeParser.Parse(firstBoot))
            .And.NotBe(KernBoottimeParser.Parse(secondBoot));
    }

    [Theory]
    [InlineData("")]
    [InlineData("kern.boottime: ")]
    [InlineData("sysctl: unknown oid 'kern.boottime'")]
    [InlineData("{ usec = 5 }")]
    [InlineData("{ sec = , usec = 0 }")]
    [InlineData("{ sec = 12abc, usec = 0 }")]
    [InlineData("{ sec = 1426005997, usec = 1234567 }")]
    public void Output_without_a_sec_usec_pair_gives_a_format_exception_quoting_it(string output)
    {
        // Act
        var parse = () => KernBoottimeParser.Parse(output);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage($"sysctl kern.boottime printed '{output.Trim()}'*");
    }
}
