using RigBootstrap.Core.Events;

namespace RigBootstrap.Core.Tests.Events;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    public void Each_failure_in_a_row_doubles_the_delay_with_up_to_half_of_it_jittered(int failures, int ceilingSeconds)
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), new Random(42));

        var delays = Enumerable.Range(0, 200).Select(_ => backoff.DelayAfter(failures)).ToList();

        delays.Should().OnlyContain(d => d >= TimeSpan.FromSeconds(ceilingSeconds) / 2 && d <= TimeSpan.FromSeconds(ceilingSeconds));
        delays.Distinct().Should().HaveCountGreaterThan(1, "jitter spreads a fleet's retries");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(int.MaxValue)]
    public void The_delay_is_capped_however_long_the_outage(int failures)
    {
        var backoff = new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), new Random(42));

        var delay = backoff.DelayAfter(failures);

        delay.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(2.5)).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void A_cap_below_the_first_delay_is_refused()
    {
        var create = () => new RetryBackoff(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), new Random(1));

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
