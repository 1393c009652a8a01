using RigBootstrap.Core.Status;

namespace RigBootstrap.Core.Tests.Status;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(61, "1m 1s")]
    [InlineData(3 * 3600 + 2 * 60 + 5, "3h 2m")]
    [InlineData(2 * 86400 + 4 * 3600, "2d 4h")]
    public void Coarse_keeps_the_two_largest_units(int seconds, string expected) =>
        DurationText.Coarse(TimeSpan.FromSeconds(seconds)).Should().Be(expected);

    [Theory]
    [InlineData(85, "85ms")]
    [InlineData(3210, "3.2s")]
    [InlineData(125000, "2m 5s")]
    public void Fine_shows_milliseconds_and_tenths_for_quick_steps(int milliseconds, string expected) =>
        DurationText.Fine(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);

    [Fact]
    public void A_negative_span_from_clock_skew_reads_as_zero() =>
        DurationText.Coarse(TimeSpan.FromSeconds(-5)).Should().Be("0s");
}
