using RigBootstrap.Core.Adapters;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class MacOsVersionTests
{
    [Theory]
    [InlineData("15", 15, 0, 0)]
    [InlineData("15.1", 15, 1, 0)]
    [InlineData("15.1.2", 15, 1, 2)]
    [InlineData("10.13", 10, 13, 0)]
    [InlineData("26.0.1", 26, 0, 1)]
    public void One_to_three_components_parse(string text, int major, int minor, int patch)
    {
        // Act
        var version = MacOsVersion.Parse(text);

        // Assert
        version.Should().Be(new MacOsVersion(major, minor, patch));
    }

    [Fact]
    public void Versions_order_component_by_component_not_as_text()
    {
        // Arrange
        var shuffled = new[] { "16", "15.7.1", "10.15.7", "15.1", "11.0.1", "15.10", "15.7" }.Select(MacOsVersion.Parse);

        // Act
        var ordered = shuffled.Order().Select(version => version.ToString());

        // Assert
        ordered.Should().Equal("10.15.7", "11.0.1", "15.1", "15.7", "15.7.1", "15.10", "16.0");
    }

    [Fact]
    public void The_comparison_operators_agree_with_the_examples()
    {
        // Arrange
        var v15_1 = MacOsVersion.Parse("15.1");
        var v15_7_1 = MacOsVersion.Parse("15.7.1");
        var v16 = MacOsVersion.Parse("16");

        // Act and Assert
        (v15_1 < v15_7_1).Should().BeTrue();
        (v15_7_1 < v16).Should().BeTrue();
        (v16 > v15_1).Should().BeTrue();
        (v16 >= MacOsVersion.Parse("16.0.0")).Should().BeTrue();
        (v15_1 <= MacOsVersion.Parse("15.1.0")).Should().BeTrue();
        (v16 < v15_7_1).Should().BeFalse();
        (null < v15_1).Should().BeTrue();
        v15_1.CompareTo(null).Should().BePositive();
    }

    [Fact]
    public void Missing_components_count_as_zero_for_equality_and_hash()
    {
        // Act
        var short15 = MacOsVersion.Parse("15");
        var long15 = MacOsVersion.Parse("15.0.0");

        // Assert
        short15.Should().Be(long15);
        short15.GetHashCode().Should().Be(long15.GetHashCode());
        short15.CompareTo(long15).Should().Be(0);
    }

    [Theory]
    [InlineData("15", "15.0")]
    [InlineData("15.1", "15.1")]
    [InlineData("15.7.1", "15.7.1")]
    [InlineData("14.0.0", "14.0")]
    public void ToString_gives_major_dot_minor_and_a_patch_when_there_is_one(string text, string expected)
    {
        // Act
        var rendered = MacOsVersion.Parse(text).ToString();

        // Assert
        rendered.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("15.")]
    [InlineData(".15")]
    [InlineData("15..1")]
    [InlineData("15.1.2.3")]
    [InlineData("15.1 ")]
    [InlineData(" 15.1")]
    [InlineData("+15")]
    [InlineData("-15")]
    [InlineData("15.a")]
    [InlineData("v15")]
    [InlineData("15,1")]
    [InlineData("99999999999")]
    [InlineData("١٥")]
    [InlineData("macOS 15.1")]
    public void Anything_else_gives_a_format_exception_showing_the_expected_form(string text)
    {
        // Act
        var parse = () => MacOsVersion.Parse(text);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("*is not a macOS version*such as 15, 15.1 or 15.7.1*");
        MacOsVersion.TryParse(text, out var version).Should().BeFalse();
        version.Should().BeNull();
    }

    [Fact]
    public void Negative_components_are_refused_by_the_constructor()
    {
        // Act
        var create = () => new MacOsVersion(15, -1);

        // Assert
        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
