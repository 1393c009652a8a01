using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>LaunchctlLaunchd over a fake runner that answers with real launchctl output from the fixtures.</summary>
public sealed class LaunchctlLaunchdTests : IDisposable
{
    private const string Label = "ai.invotek.rig-deploy";
    private static readonly string PlistPath = HostPaths.ForRoot("/").LaunchDaemonPlistPath(Label);

    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly LaunchctlLaunchd _launchd;

    public LaunchctlLaunchdTests() =>
        _launchd = new LaunchctlLaunchd(new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty), _runner, _time);

    public void Dispose() => _toolsDir.Dispose();

    [Fact]
    public async Task Print_exit_0_gives_the_parsed_state_pid_and_runs_of_a_running_job()
    {
        _runner.Then(0, stdout: MacOsFixtures.ReadText("launchctl-print-system-running.txt"));

        var status = await _launchd.GetStatusAsync(Label, CancellationToken.None);

        status.Should().Be(new ServiceStatus(Label, "running", 893, null, 1));
        var spec = _runner.Specs.Single();
        spec.FileName.Should().Be(Path.Join(_toolsDir.Paths.RootDirPath, "launchctl"), "--tools-dir covers every tool");
        spec.Arguments.Should().Equal("print", $"system/{Label}");
    }

    [Fact]
    public async Task Print_of_a_job_that_exited_0_gives_its_last_exit_code_and_counts_as_healthy()
    {
        _runner.Then(0, stdout: MacOsFixtures.ReadText("launchctl-print-user-agent-full.txt"));

        var status = await _launchd.GetStatusAsync(Label, CancellationToken.None);

        status.Should().Be(new ServiceStatus(Label, "not running", null, 0, 1));
        status!.IsHealthy.Should().BeTrue();
    }

    [Fact]
    public async Task Print_exit_113_with_could_not_find_service_means_not_loaded()
    {
        _runner.Then(113, stderr: MacOsFixtures.ReadText("launchctl-kickstart-not-found-system.stderr.txt"));

        var status = await _launchd.GetStatusAsync(Label, CancellationToken.None);

        status.Should().BeNull();
    }

    [Fact]
    public async Task Print_failing_for_another_reason_throws_naming_the_label()
    {
        _runner.Then(1, stderr: "Operation not permitted while System Integrity Protection is engaged\n");

        var act = () => _launchd.GetStatusAsync(Label, CancellationToken.None);

        (await act.Should().ThrowAsync<ServiceManagerException>()).Which.Message.Should().Contain(Label).And.Contain("Operation not permitted");
    }

    [Fact]
    public async Task Bootstrap_that_answers_5_twice_then_0_succeeds_after_retrying_a_second_apart()
    {
        var eio = MacOsFixtures.ReadText("launchctl-bootstrap-eio.stderr.txt");
        _runner.Then(5, stderr: eio).Then(5, stderr: eio).Then(0);
        var started = _time.GetUtcNow();

        await _time.AdvanceUntilDoneAsync(_launchd.LoadAsync(Label, PlistPath, CancellationToken.None), TimeSpan.FromMilliseconds(250));

        _runner.Specs.Should().HaveCount(3);
        _runner.Specs.Should().AllSatisfy(s => s.Arguments.Should().Equal("bootstrap", "system", PlistPath));
        (_time.GetUtcNow() - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2), "it waits 1 s between tries");
    }

    [Fact]
    public async Task Bootstrap_still_answering_5_past_the_15_second_deadline_throws_naming_the_label()
    {
        _runner.Responder = _ => FakeProcessRunner.Result(5, stderr: MacOsFixtures.ReadText("launchctl-bootstrap-eio.stderr.txt"));
        var started = _time.GetUtcNow();

        var act = () => _time.AdvanceUntilDoneAsync(_launchd.LoadAsync(Label, PlistPath, CancellationToken.None), TimeSpan.FromMilliseconds(250));

        var failure = (await act.Should().ThrowAsync<ServiceManagerException>()).Which;
        failure.ExitCode.Should().Be(5);
        failure.Message.Should().Contain($"launchctl bootstrap system/{Label} exited 5");
        (_time.GetUtcNow() - started).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15));
        _runner.Specs.Count.Should().BeInRange(2, 17, "one try a second until the deadline");
    }

    [Fact]
    public async Task Bootstrap_of_a_disabled_service_is_not_retried_and_names_launchctl_enable()
    {
        _runner.Then(119, stderr: MacOsFixtures.ReadText("launchctl-bootstrap-disabled.stderr.txt"));

        var act = () => _launchd.LoadAsync(Label, PlistPath, CancellationToken.None);

        var failure = (await act.Should().ThrowAsync<ServiceManagerException>()).Which;
        failure.ExitCode.Should().Be(119);
        failure.Message.Should().Contain($"launchctl enable system/{Label}");
        _runner.Specs.Should().ContainSingle();
    }

    [Theory]
    [InlineData(3, "launchctl-bootout-not-loaded.stderr.txt")]
    [InlineData(113, "launchctl-kickstart-not-found-system.stderr.txt")]
    public async Task Bootout_of_a_job_already_gone_counts_as_done(int exitCode, string stderrFixture)
    {
        _runner.Then(exitCode, stderr: MacOsFixtures.ReadText(stderrFixture));

        await _launchd.UnloadAsync(Label, CancellationToken.None);

        _runner.Specs.Single().Arguments.Should().Equal("bootout", $"system/{Label}");
    }

    [Fact]
    public async Task Enable_and_kickstart_address_the_system_domain_and_throw_on_failure()
    {
        _runner.Then(0).Then(1, stderr: "Operation not permitted\n");

        await _launchd.EnableAsync(Label, CancellationToken.None);
        var kickstart = () => _launchd.RestartAsync(Label, CancellationToken.None);

        await kickstart.Should().ThrowAsync<ServiceManagerException>();
        _runner.Specs.Select(s => s.Arguments).Should().SatisfyRespectively(
            enable => enable.Should().Equal("enable", $"system/{Label}"),
            kick => kick.Should().Equal("kickstart", $"system/{Label}"));
    }

    [Fact]
    public async Task Without_a_tools_dir_launchctl_is_the_absolute_default_path()
    {
        var launchd = new LaunchctlLaunchd(new ToolTable(null, ImmutableDictionary<string, string>.Empty), _runner, _time);

        await launchd.EnableAsync(Label, CancellationToken.None);

        _runner.Specs.Single().FileName.Should().Be("/bin/launchctl");
    }
}
