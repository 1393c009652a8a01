using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>The CommandSpec a CommandStep hands the process runner, recorded by a fake runner.</summary>
public sealed class CommandStepSpecTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly PersistedFacts _facts = new();

    public void Dispose() => _root.Dispose();

    private CommandStep Step(HostPaths paths, bool asUser, params string[] run) =>
        new(new CommandStepConfig { Id = "brew-bundle", Run = [.. run], Check = ["/usr/bin/test", "-f", "/etc/done"], AsUser = asUser, Timeout = TimeSpan.FromMinutes(7) },
            new CommandEnvironment { Paths = paths, AgentUser = "rig", AgentHome = "/Users/rig" },
            _runner);

    [Fact]
    public async Task The_program_and_its_arguments_are_passed_as_a_list_exactly_as_configured()
    {
        var step = Step(_root.Paths, asUser: false, "/opt/homebrew/bin/brew", "bundle", "--file=/etc/Brew file", "it's \"quoted\"", "$HOME", "");

        await step.ApplyAsync(_facts.NewContext("brew-bundle"), CancellationToken.None);

        var spec = _runner.Specs.Should().ContainSingle().Subject;
        spec.FileName.Should().Be("/opt/homebrew/bin/brew");
        spec.Arguments.Should().Equal("bundle", "--file=/etc/Brew file", "it's \"quoted\"", "$HOME", "");
        spec.AllowedExitCodes.Should().BeEmpty("the step turns an exit code into a result itself");
        spec.Timeout.Should().Be(TimeSpan.FromMinutes(7));
        spec.WorkingDirPath.Should().Be(_root.Paths.RootDirPath);
    }

    [Fact]
    public async Task The_check_runs_as_its_own_list_for_the_probe()
    {
        var step = Step(_root.Paths, asUser: false, "/bin/true");

        await step.ProbeAsync(_facts.NewContext("brew-bundle"), CancellationToken.None);

        var spec = _runner.Specs.Should().ContainSingle().Subject;
        spec.FileName.Should().Be("/usr/bin/test");
        spec.Arguments.Should().Equal("-f", "/etc/done");
    }

    [Fact]
    public async Task Without_a_check_the_probe_and_verify_run_nothing()
    {
        var step = new CommandStep(
            new CommandStepConfig { Id = "once", Run = ["/bin/true"] },
            new CommandEnvironment { Paths = _root.Paths, AgentUser = "rig", AgentHome = "/Users/rig" },
            _runner);

        var probed = await step.ProbeAsync(_facts.NewContext("once"), CancellationToken.None);
        var verified = await step.VerifyAsync(_facts.NewContext("once"), CancellationToken.None);

        probed.Should().BeFalse("without a check the command is at-least-once");
        verified.Ok.Should().BeTrue();
        _runner.Specs.Should().BeEmpty();
    }

    [Fact]
    public async Task An_as_user_command_under_a_simulated_root_keeps_the_current_user_and_environment()
    {
        var step = Step(_root.Paths, asUser: true, "/bin/true");

        await step.ApplyAsync(_facts.NewContext("brew-bundle"), CancellationToken.None);

        var spec = _runner.Specs.Should().ContainSingle().Subject;
        spec.UserName.Should().BeNull();
        spec.Environment.Keys.Should().NotContain(["HOME", "USER", "LOGNAME"]);
        spec.Environment.Should().Contain("RIG_HOST_ROOT", _root.Paths.RootDirPath)
            .And.Contain("RIG_STEP_ID", "brew-bundle")
            .And.Contain("PATH", CommandEnvironment.DaemonPath)
            .And.Contain("RIG_AGENT_HOME", _root.Paths.RootDirPath + "/Users/rig");
    }

    [Fact]
    public async Task An_as_user_command_on_a_real_host_runs_as_the_agent_user_with_its_home()
    {
        // HostPaths for "/" only computes paths; the fake runner starts nothing.
        var step = Step(HostPaths.ForRoot("/"), asUser: true, "/bin/true");

        await step.ApplyAsync(_facts.NewContext("brew-bundle"), CancellationToken.None);

        var spec = _runner.Specs.Should().ContainSingle().Subject;
        spec.UserName.Should().Be("rig");
        spec.Environment.Should().Contain("HOME", "/Users/rig")
            .And.Contain("USER", "rig")
            .And.Contain("LOGNAME", "rig")
            .And.Contain("RIG_HOST_ROOT", "");
    }

    [Fact]
    public async Task A_root_command_on_a_real_host_does_not_switch_user()
    {
        var step = Step(HostPaths.ForRoot("/"), asUser: false, "/bin/true");

        await step.ApplyAsync(_facts.NewContext("brew-bundle"), CancellationToken.None);

        _runner.Specs.Single().UserName.Should().BeNull();
        _runner.Specs.Single().Environment.Keys.Should().NotContain("HOME");
    }
}
