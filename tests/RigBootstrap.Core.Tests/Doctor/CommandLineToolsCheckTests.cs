using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.Steps;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Doctor;

/// <summary>doctor's look at the developer tools, on the simulated Mac whose installed git is this machine's.</summary>
public sealed class CommandLineToolsCheckTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly SimulatedCommandLineTools _tools;
    private readonly CommandLineToolsOnDemandMarker _marker;

    public CommandLineToolsCheckTests()
    {
        _tools = new SimulatedCommandLineTools(new SimulatedMac(_root.Paths), new ProcessRunner(TimeProvider.System), LocalGitRepository.GitPath);
        _marker = new CommandLineToolsOnDemandMarker(_root.Paths);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_fresh_Mac_without_a_config_gets_a_warning_whose_fix_works_as_root()
    {
        var findings = await new CommandLineToolsCheck(_tools, _marker, config: null).RunAsync(CancellationToken.None);

        var warning = findings.Should().ContainSingle().Subject;
        warning.Severity.Should().Be(FindingSeverity.Warning);
        warning.Message.Should().Contain("names no developer directory");
        warning.Fix.Should().Contain($"`touch {_marker.FilePath}`").And.Contain("softwareupdate --install")
            .And.NotContain("brew").And.NotContain("xcode-select --install", "that opens a dialog for someone at the console");
    }

    [Fact]
    public async Task Installed_tools_are_reported_by_their_directory_and_git_not_by_the_usr_bin_shim()
    {
        // Arrange
        _marker.Create();
        await _tools.InstallAsync("Command Line Tools for Xcode-16.4", CancellationToken.None);
        _marker.RemoveIfPresent();

        // Act
        var findings = await new CommandLineToolsCheck(_tools, _marker, config: null).RunAsync(CancellationToken.None);

        // Assert
        var ok = findings.Should().ContainSingle().Subject;
        ok.Severity.Should().Be(FindingSeverity.Ok);
        ok.Message.Should().StartWith($"xcode-select -p names /Library/Developer/CommandLineTools; its git ({_tools.GitPath}) runs: git version ");
    }

    [Fact]
    public async Task With_the_step_configured_missing_tools_are_expected()
    {
        var config = ConfigLoader.Parse("""{ "agent": { "user": "rig", "home": "/Users/rig" }, "steps": { "commandLineTools": {} } }""", "c.json");

        var findings = await new CommandLineToolsCheck(_tools, _marker, config).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Message.Should().Contain("the command-line-tools step installs them");
    }

    [Fact]
    public async Task A_left_over_on_demand_marker_is_a_warning_naming_the_rm()
    {
        _marker.Create();

        var findings = await new CommandLineToolsCheck(_tools, _marker, config: null).RunAsync(CancellationToken.None);

        findings.Should().Contain(f => f.Severity == FindingSeverity.Warning && f.Fix!.StartsWith($"`rm {_marker.FilePath}`", StringComparison.Ordinal));
        _marker.Exists.Should().BeTrue("doctor only reads");
    }
}
