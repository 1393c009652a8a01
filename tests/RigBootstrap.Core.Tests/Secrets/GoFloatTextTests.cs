using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Tests.Secrets;

public sealed class GoFloatTextTests
{
    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(92.0, "92")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e21, "1000000000000000000000")]
    [InlineData(1.5e-7, "0.00000015")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(-2.5e25, "-25000000000000000000000000")]
    [InlineData(0.1, "0.1")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Floats_are_written_like_gos_FormatFloat_f_minus_1(double value, string expected)
    {
        GoFloatText.Format(value).Should().Be(expected);
    }

    [Theory]
    [InlineData("0.50", 0.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    public void Sops_float_texts_parse(string text, double expected)
    {
        GoFloatText.TryParse(text, out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("1e999")]
    [InlineData("one")]
    public void Other_texts_are_not_floats(string text)
    {
        GoFloatText.TryParse(text, out _).Should().BeFalse();
    }
}
