using RigBootstrap.Core.Adapters.Linux;

namespace RigBootstrap.Core.Tests.Adapters.Linux;

public sealed class SystemctlShowParserTests
{
    [Fact]
    public void A_running_unit_has_its_pid_state_and_runs()
    {
        var status = SystemctlShowParser.Parse("ai.invotek.rig-deploy",
            "LoadState=loaded\nActiveState=active\nSubState=running\nMainPID=812\nExecMainStatus=0\nNRestarts=2\n");

        status.Should().NotBeNull();
        status!.Pid.Should().Be(812);
        status.State.Should().Be("active (running)");
        status.Runs.Should().Be(3);
        status.IsHealthy.Should().BeTrue();
    }

    [Fact]
    public void A_failed_unit_is_loaded_but_not_healthy()
    {
        var status = SystemctlShowParser.Parse("x", "MainPID=0\nLoadState=loaded\nActiveState=failed\nSubState=failed\nExecMainStatus=78\nNRestarts=5\n");

        status!.IsRunning.Should().BeFalse();
        status.LastExitCode.Should().Be(78);
        status.IsHealthy.Should().BeFalse();
    }

    [Theory]
    [InlineData("LoadState=not-found\nActiveState=inactive\nSubState=dead\nMainPID=0\nExecMainStatus=0\nNRestarts=0\n")]
    [InlineData("LoadState=masked\nActiveState=inactive\n")]
    public void A_unit_that_is_not_found_or_masked_is_not_loaded(string output) =>
        SystemctlShowParser.Parse("x", output).Should().BeNull();

    [Fact]
    public void Output_without_a_load_state_is_a_clear_format_error()
    {
        var act = () => SystemctlShowParser.Parse("x", "Failed to connect to bus: No such file or directory");

        act.Should().Throw<FormatException>().WithMessage("*no LoadState*");
    }
}
