using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>HandoffStep over a launchd the test controls and a fake clock; each apply gets a fresh context, as a run would.</summary>
public sealed class HandoffStepTests
{
    private const string Agent = "ai.invotek.rig-deploy";

    private readonly RecordingLaunchd _launchd = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly PersistedFacts _facts = new();
    private readonly HandoffStep _step;

    public HandoffStepTests() =>
        _step = new HandoffStep(new HandoffConfig { AgentLabel = Agent, StableFor = TimeSpan.FromMinutes(1), Timeout = TimeSpan.FromMinutes(30) }, ["first-deploy"], _launchd, _time);

    private Task<ApplyResult> ApplyAsync() => _step.ApplyAsync(_facts.NewContext("handoff"), CancellationToken.None);

    private void Healthy() => _launchd.Jobs[Agent] = new ServiceStatus(Agent, "running", 812, null, 1);

    private void Crashed() => _launchd.Jobs[Agent] = new ServiceStatus(Agent, "not running", null, 78, 2);

    [Fact]
    public async Task An_agent_that_is_not_loaded_is_waited_for()
    {
        var result = await ApplyAsync();

        var wait = result.Should().BeOfType<ApplyResult.WaitUntil>().Subject;
        wait.Reason.Should().Be($"waiting for the agent: {Agent} is not loaded in launchd");
        wait.RetryAfter.Should().Be(TimeSpan.FromSeconds(10));
        _facts.Facts.Should().ContainKey("firstCheckAt");
    }

    [Fact]
    public async Task A_healthy_agent_is_waited_on_until_it_has_been_healthy_for_the_whole_window_then_done()
    {
        Healthy();

        var first = await ApplyAsync();
        _time.Advance(TimeSpan.FromSeconds(58));
        var nearly = await ApplyAsync();
        _time.Advance(TimeSpan.FromSeconds(2));
        var done = await ApplyAsync();

        var firstWait = first.Should().BeOfType<ApplyResult.WaitUntil>().Subject;
        firstWait.Reason.Should().Contain("must stay healthy for 00:01:00");
        firstWait.RetryAfter.Should().Be(TimeSpan.FromSeconds(15));
        nearly.Should().BeOfType<ApplyResult.WaitUntil>().Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(2), "it never sleeps past the end of the window");
        done.Should().BeOfType<ApplyResult.Done>();
    }

    [Fact]
    public async Task A_job_that_exited_0_counts_as_healthy()
    {
        _launchd.Jobs[Agent] = new ServiceStatus(Agent, "not running", null, 0, 1);

        await ApplyAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var result = await ApplyAsync();

        result.Should().BeOfType<ApplyResult.Done>();
    }

    [Fact]
    public async Task Becoming_unhealthy_in_the_middle_of_the_window_starts_the_window_again()
    {
        Healthy();
        await ApplyAsync();
        _time.Advance(TimeSpan.FromSeconds(40));
        Crashed();

        var unhealthy = await ApplyAsync();
        var factAfterCrash = _facts.Facts.ContainsKey("healthySince");
        _time.Advance(TimeSpan.FromSeconds(10));
        Healthy();
        await ApplyAsync();
        _time.Advance(TimeSpan.FromSeconds(50));
        var stillInNewWindow = await ApplyAsync();
        _time.Advance(TimeSpan.FromSeconds(10));
        var done = await ApplyAsync();

        unhealthy.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Contain("loaded but not healthy (state not running, runs 2, last exit code 78)");
        factAfterCrash.Should().BeFalse("healthySince is cleared when the job stops being healthy");
        stillInNewWindow.Should().BeOfType<ApplyResult.WaitUntil>("100 s after the first healthy check, but only 50 s after it became healthy again");
        done.Should().BeOfType<ApplyResult.Done>();
    }

    [Fact]
    public async Task An_agent_still_unhealthy_past_the_timeout_fails_without_retry_naming_the_label()
    {
        Crashed();
        await ApplyAsync();
        _time.Advance(TimeSpan.FromMinutes(29));
        var beforeTimeout = await ApplyAsync();
        _time.Advance(TimeSpan.FromMinutes(1));

        var result = await ApplyAsync();

        beforeTimeout.Should().BeOfType<ApplyResult.WaitUntil>();
        var fail = result.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().StartWith($"{Agent} is loaded but not healthy").And.Contain("after 00:30:00").And.Contain("retry handoff");
        _facts.Facts.Should().NotContainKey("firstCheckAt", "an operator's retry gets a fresh timeout");
    }

    [Fact]
    public async Task Verify_fails_when_the_job_stops_being_healthy_at_the_end_of_the_window()
    {
        Healthy();
        var whileHealthy = await _step.VerifyAsync(_facts.NewContext("handoff"), CancellationToken.None);
        Crashed();

        var afterCrash = await _step.VerifyAsync(_facts.NewContext("handoff"), CancellationToken.None);

        whileHealthy.Ok.Should().BeTrue();
        afterCrash.Ok.Should().BeFalse();
        afterCrash.Problem.Should().Contain(Agent);
    }

    [Fact]
    public async Task After_a_failed_verify_the_next_attempt_needs_a_whole_new_window()
    {
        // The engine's order: apply says Done, verify finds the agent crashed, the step fails and is tried again.
        Healthy();
        await ApplyAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        (await ApplyAsync()).Should().BeOfType<ApplyResult.Done>();
        Crashed();
        (await _step.VerifyAsync(_facts.NewContext("handoff"), CancellationToken.None)).Ok.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(30));
        Healthy();

        var retried = await _step.ApplyAsync(_facts.NewContext("handoff", attempt: 2), CancellationToken.None);

        retried.Should().BeOfType<ApplyResult.WaitUntil>("the agent has been healthy again for moments, not for the 1 min window");
    }

    [Fact]
    public async Task The_probe_never_counts_a_handoff_as_already_done()
    {
        Healthy();

        var probed = await _step.ProbeAsync(_facts.NewContext("handoff"), CancellationToken.None);

        probed.Should().BeFalse();
        _step.DependsOn.Should().Equal("first-deploy");
    }
}
