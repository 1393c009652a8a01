using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>
/// Handoff of the Mac's periodic LaunchAgent, checked in gui/&lt;uid&gt; through the real adapter over real
/// `launchctl print` outputs: healthy only once a run since the load has exited 0.
/// </summary>
public sealed class HandoffAgentSessionTests : IDisposable
{
    private const string Agent = "ai.invotek.rig-deploy";

    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
    private readonly PersistedFacts _facts = new();
    private readonly HandoffStep _step;
    private (int ExitCode, string Output) _print = (113, "");

    public HandoffAgentSessionTests()
    {
        var tools = new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty);
        var session = new GuiSessionLaunchd(tools, _runner, _time, new UserIds(_runner, tools), "rig");
        _runner.Responder = spec => spec.Arguments[0] == "-u"
            ? FakeProcessRunner.Result(0, "501\n")
            : _print.ExitCode == 0 ? FakeProcessRunner.Result(0, _print.Output) : FakeProcessRunner.Result(_print.ExitCode, stderr: _print.Output);
        _step = new HandoffStep(new HandoffConfig { AgentLabel = Agent, StableFor = TimeSpan.FromMinutes(1), Timeout = TimeSpan.FromMinutes(30) },
            ["first-deploy"], session, _time, AgentHealth.ExitedCleanSinceLoad);
    }

    public void Dispose() => _toolsDir.Dispose();

    private Task<ApplyResult> ApplyAsync() => _step.ApplyAsync(_facts.NewContext("handoff"), CancellationToken.None);

    private void Print(string fixture) => _print = (0, MacOsFixtures.ReadText(fixture));

    [Theory]
    [InlineData("launchctl-print-gui-agent-running-keepalive.txt")]
    [InlineData("launchctl-print-gui-agent-never-run-calendar.txt")]
    [InlineData("launchctl-print-gui-agent-exited-1-watchpaths.txt")]
    public async Task Running_never_run_or_exited_non_zero_is_waited_for(string fixture)
    {
        Print(fixture);

        var result = await ApplyAsync();

        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Contain("a run since the load must exit 0");
        _runner.Specs.Should().Contain(s => s.Arguments.SequenceEqual(new[] { "print", $"gui/501/{Agent}" }));
    }

    [Fact]
    public async Task A_run_that_exited_0_held_for_the_window_hands_off()
    {
        Print("launchctl-print-gui-agent-interval-exited-0.txt");

        var first = await ApplyAsync();
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await ApplyAsync();

        first.Should().BeOfType<ApplyResult.WaitUntil>();
        second.Should().Be(ApplyResult.Succeeded);
        (await _step.VerifyAsync(_facts.NewContext("handoff"), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact]
    public async Task With_no_session_for_the_user_yet_launchctls_refusal_is_waited_for_not_a_failure()
    {
        _print = (125, "Could not print: 125: Domain does not support specified action\n");

        var result = await ApplyAsync();

        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Contain("exited 125");
    }
}
