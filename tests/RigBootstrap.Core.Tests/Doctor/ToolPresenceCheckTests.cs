using RigBootstrap.Core.Config;
using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class ToolPresenceCheckTests
{
    private const string Agent = """ "agent": { "user": "rig", "home": "/Users/rig" } """;

    private static BootstrapConfig Config(string json) => ConfigLoader.Parse(json, "config.json");

    [Fact]
    public async Task A_mac_with_every_tool_in_place_is_ok()
    {
        using var tools = new ToolsDir().AddAll(ToolNames.All);

        var findings = await new ToolPresenceCheck(tools.Table, isMacOS: true, config: null).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Severity = FindingSeverity.Ok, Message = "20 tool(s) present and executable at their absolute paths" });
    }

    [Fact]
    public async Task Without_a_config_a_missing_daemon_tool_is_a_problem_and_a_step_tool_a_warning()
    {
        // Arrange
        using var tools = new ToolsDir().AddAll(ToolNames.All.Except([ToolNames.Launchctl, ToolNames.Xcodes]));

        // Act
        var findings = await new ToolPresenceCheck(tools.Table, isMacOS: true, config: null).RunAsync(CancellationToken.None);

        // Assert
        findings.Should().SatisfyRespectively(
            ok => ok.Message.Should().Be("18 tool(s) present and executable at their absolute paths"),
            launchctl =>
            {
                launchctl.Severity.Should().Be(FindingSeverity.Problem);
                launchctl.Message.Should().Be($"launchctl is missing at {Path.Join(tools.DirPath, "launchctl")}; needed by rig-bootstrap itself");
                launchctl.Fix.Should().Contain("set `tools.launchctl` in the config");
            },
            xcodes =>
            {
                xcodes.Severity.Should().Be(FindingSeverity.Warning);
                xcodes.Message.Should().Contain("needed by the xcode step").And.EndWith("(only a config with those steps needs it)");
                xcodes.Fix.Should().Contain("https://github.com/XcodesOrg/xcodes/releases").And.NotContain("brew");
            });
    }

    [Fact]
    public async Task With_a_config_only_the_tools_of_its_steps_are_checked_and_each_missing_one_is_a_problem()
    {
        // Arrange: the config has commands and a handoff, so xcodes does not matter but sh does.
        using var tools = new ToolsDir().AddAll(ToolNames.All.Except([ToolNames.Sh, ToolNames.Xcodes]));
        var config = Config($$"""{ {{Agent}}, "commands": [ { "id": "a", "run": ["/bin/true"] } ], "steps": { "handoff": { "agentLabel": "ai.invotek.rig-deploy" } } }""");

        // Act
        var findings = await new ToolPresenceCheck(tools.Table, isMacOS: true, config).RunAsync(CancellationToken.None);

        // Assert
        findings.Should().HaveCount(2);
        findings[0].Message.Should().Be("4 tool(s) present and executable at their absolute paths (the ones this config needs)");
        findings[1].Should().BeEquivalentTo(new { Severity = FindingSeverity.Problem, Message = $"sh is missing at {Path.Join(tools.DirPath, "sh")}; needed by the config's commands" });
    }

    [Fact]
    public async Task A_missing_profiles_is_a_problem_for_a_config_with_os_upgrade_alone_and_names_both_its_users()
    {
        // Arrange: os-upgrade reads the bootstrap token's status with profiles, as tcc reads the installed profiles.
        using var tools = new ToolsDir().AddAll(ToolNames.All.Except([ToolNames.Profiles]));
        var config = Config($$"""{ {{Agent}}, "steps": { "osUpgrade": { "minimumVersion": "15.1" } } }""");

        // Act
        var findings = await new ToolPresenceCheck(tools.Table, isMacOS: true, config).RunAsync(CancellationToken.None);

        // Assert
        findings.Should().ContainSingle(f => f.Severity == FindingSeverity.Problem).Which.Message
            .Should().Be($"profiles is missing at {Path.Join(tools.DirPath, "profiles")}; needed by the os-upgrade step and the tcc step");
    }

    [Fact]
    public async Task A_tool_that_is_not_executable_is_named_with_its_chmod()
    {
        using var tools = new ToolsDir().AddAll(ToolNames.All.Except([ToolNames.Sysctl])).Add(ToolNames.Sysctl, executable: false);
        var sysctl = Path.Join(tools.DirPath, "sysctl");

        var findings = await new ToolPresenceCheck(tools.Table, isMacOS: true, config: null).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle(f => f.Severity == FindingSeverity.Problem).Which.Should().BeEquivalentTo(new
        {
            Message = $"sysctl is not executable at {sysctl}; needed by rig-bootstrap itself",
            Fix = $"`chmod 0755 {sysctl}`",
        });
    }

    [Fact]
    public async Task On_linux_only_systemctl_git_and_the_command_tools_matter()
    {
        using var tools = new ToolsDir().Add(ToolNames.Systemctl).Add(ToolNames.Git).Add(ToolNames.Sh).Add(ToolNames.Id);

        var findings = await new ToolPresenceCheck(tools.Table, isMacOS: false, config: null).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Message.Should().StartWith("4 tool(s) present");
    }

    [Fact]
    public async Task On_a_mac_the_usr_bin_git_shim_is_not_taken_for_git()
    {
        // /usr/bin/git exists on every Mac and fails until the tools are installed: CommandLineToolsCheck looks instead.
        using var tools = new ToolsDir().AddAll(ToolNames.All.Except([ToolNames.Git]));

        var findings = await new ToolPresenceCheck(tools.Table, isMacOS: true, config: null).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Ok);
    }
}
