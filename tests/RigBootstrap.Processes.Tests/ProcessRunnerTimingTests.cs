using RigBootstrap.Processes.Tests.TestKit;

namespace RigBootstrap.Processes.Tests;

public sealed class ProcessRunnerTimingTests
{
    [Fact]
    public async Task Start_exit_and_duration_match_a_known_one_second_sleep()
    {
        var spec = new CommandSpec { FileName = "/bin/sleep", Arguments = ["1"] };

        var result = await new ProcessRunner(TimeProvider.System).RunAsync(spec, CancellationToken.None);

        result.StartTime.Should().BeOnOrBefore(result.ExitTime);
        result.Duration.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)).And.BeLessThan(TimeSpan.FromSeconds(10));
        (result.ExitTime - result.StartTime).Should().BeCloseTo(result.Duration, TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task Timestamps_come_from_the_injected_clock()
    {
        var shift = TimeSpan.FromDays(3650);
        var runner = new ProcessRunner(new ShiftedTimeProvider(shift));
        var expected = DateTimeOffset.UtcNow + shift;

        var result = await runner.RunAsync(Shell.Script("exit 0"), CancellationToken.None);

        result.StartTime.Should().BeCloseTo(expected, TimeSpan.FromMinutes(1));
        result.ExitTime.Should().BeOnOrAfter(result.StartTime);
    }

    [Fact]
    public async Task A_child_that_exits_at_once_still_has_its_exit_after_its_start()
    {
        var runner = new ProcessRunner(TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => runner.RunAsync(Shell.Script("exit 0"), CancellationToken.None)));

        results.Should().AllSatisfy(result =>
        {
            result.ExitTime.Should().BeOnOrAfter(result.StartTime);
            result.Duration.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero);
        });
    }
}
