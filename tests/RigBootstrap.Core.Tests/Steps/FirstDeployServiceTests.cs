using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>How first-deploy loads the agent: reloads a stale job, survives a reboot, and on Linux writes a unit.</summary>
public sealed class FirstDeployServiceTests : IDisposable
{
    private readonly FirstDeployFixture _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task An_agent_loaded_from_another_definition_is_unloaded_then_enabled_and_loaded()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes("A=1\n");
        var launchd = new RecordingLaunchd();
        launchd.Jobs[FirstDeployFixture.AgentLabel] = new ServiceStatus(FirstDeployFixture.AgentLabel, "running", 90, null, 3);
        var step = _host.Step(sha, launchd);

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        result.Should().Be(ApplyResult.Succeeded);
        launchd.Calls.Should().Equal(
            $"print {FirstDeployFixture.AgentLabel}", $"bootout {FirstDeployFixture.AgentLabel}",
            $"enable {FirstDeployFixture.AgentLabel}", $"bootstrap {FirstDeployFixture.AgentLabel}");
    }

    [Fact]
    public async Task A_load_that_launchd_refuses_is_a_retryable_failure_naming_the_label()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes("A=1\n");
        var step = _host.Step(sha, new RefusingLaunchd());

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeTrue();
        fail.Reason.Should().Contain(FirstDeployFixture.AgentLabel).And.Contain("Input/output error");
    }

    [Fact]
    public async Task A_bootstrap_launchd_answers_with_125_while_the_login_is_still_under_way_is_a_wait_not_a_failure()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes("A=1\n");
        var runner = new FakeProcessRunner();
        var tools = new ToolTable(_host.Root.Paths.RootDirPath, System.Collections.Immutable.ImmutableDictionary<string, string>.Empty);
        // id -u before each launchctl call: print (not loaded), enable, then bootstrap refused as a real Mac refuses it.
        runner.Then(0, stdout: "501\n").Then(113, stderr: MacOsFixtures.ReadText("launchctl-print-gui-not-found.stderr.txt"))
            .Then(0, stdout: "501\n").Then(0)
            .Then(0, stdout: "501\n").Then(125, stderr: MacOsFixtures.ReadText("launchctl-bootstrap-gui-no-session.stderr.txt"));
        var step = _host.Step(sha, new GuiSessionLaunchd(tools, runner, TimeProvider.System, new UserIds(runner, tools), FirstDeployFixture.Agent.User));

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        var wait = result.Should().BeOfType<ApplyResult.WaitUntil>().Subject;
        wait.Reason.Should().Contain("Domain does not support specified action").And.Contain("Autologin");
        runner.Specs[^1].Arguments.Should().Equal("bootstrap", "gui/501", _host.PlistPath);
    }

    [Fact]
    public async Task A_LaunchAgent_already_written_is_given_to_its_user_again_so_a_crash_before_the_chown_never_leaves_it_root_owned()
    {
        // Arrange: a first pass wrote the plist; a crash could have struck before its chown, which the record cannot show.
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes("A=1\n");
        var step = _host.Step(sha);
        await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);
        File.Exists(_host.PlistPath).Should().BeTrue();
        _host.Ownership.Calls.Clear();

        // Act
        await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        // Assert
        _host.Ownership.Calls.Should().Contain((_host.PlistPath, FirstDeployFixture.Agent.User))
            .And.Contain((Path.GetDirectoryName(_host.PlistPath)!, FirstDeployFixture.Agent.User));
    }

    [Fact]
    public async Task Before_its_user_logs_in_the_step_writes_the_LaunchAgent_and_waits_and_its_wait_does_not_hold_back_a_reboot()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes("A=1\n");
        await new SimulatedPowerCycle(_host.Mac, new SimulatedLaunchd(_host.Mac), loginWindow: _host.LoginWindow).RebootAsync(CancellationToken.None);
        var step = _host.Step(sha);

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        var wait = result.Should().BeOfType<ApplyResult.WaitUntil>().Subject;
        wait.Reason.Should().Contain("claude is not logged in at the GUI").And.Contain("Autologin").And.Contain(_host.PlistPath)
            .And.Contain("launchctl bootstrap gui/");
        File.Exists(Path.Join(_host.Layout.CurrentPath, "bin", "rig-deploy")).Should().BeTrue("the clone needs no session");
        File.Exists(_host.PlistPath).Should().BeFalse("the login would load a LaunchAgent already there before this step is done");
        step.Traits.WaitsEndWithABoot.Should().BeTrue();
        (await step.ProbeAsync(_host.Facts.NewContext(step.Id), CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task After_a_reboot_that_logs_its_user_in_the_login_loads_the_agent_again_and_the_step_still_verifies()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes("A=1\n");
        var step = _host.Step(sha);
        await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);
        _host.LoginWindow.SetAccountPassword(FirstDeployFixture.Agent.User, "pw");
        await _host.LoginWindow.EnableAutoLoginAsync(FirstDeployFixture.Agent.User, "pw", CancellationToken.None);

        await new SimulatedPowerCycle(_host.Mac, new SimulatedLaunchd(_host.Mac), loginWindow: _host.LoginWindow).RebootAsync(CancellationToken.None);

        (await _host.Launchd.GetStatusAsync(FirstDeployFixture.AgentLabel, CancellationToken.None))!.HasExitedCleanSinceLoad.Should().BeTrue();
        (await step.ProbeAsync(_host.Facts.NewContext(step.Id), CancellationToken.None)).Should().BeTrue();
        (await step.VerifyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact]
    public async Task Verify_fails_clearly_when_the_agent_was_unloaded_after_apply()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes("A=1\n");
        var step = _host.Step(sha);
        await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);
        await _host.Launchd.UnloadAsync(FirstDeployFixture.AgentLabel, CancellationToken.None);

        var verified = await step.VerifyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        verified.Should().Be(VerifyResult.Failed($"{FirstDeployFixture.AgentLabel} is not loaded"));
    }

    [Fact]
    public async Task On_linux_apply_writes_the_unit_under_etc_systemd_and_loads_it_through_the_service_manager()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes("A=1\n");
        var systemd = new RecordingLaunchd();
        var step = _host.Step(sha, systemd, HostPlatform.Linux);

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        result.Should().Be(ApplyResult.Succeeded);
        var unitPath = _host.Root.Paths.SystemdUnitPath(FirstDeployFixture.AgentLabel);
        File.ReadAllText(unitPath).Should().Contain("\nUser=claude\n");
        File.Exists(_host.PlistPath).Should().BeFalse();
        DeployManifestFile.Read(_host.Layout.ManifestPath)!.ServiceDefinitionPath.Should().Be(unitPath);
        systemd.Calls.Should().EndWith($"bootstrap {FirstDeployFixture.AgentLabel}");
        (await step.VerifyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }
}
