using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>The command-line-tools step on the simulated Mac, whose installed git is this machine's real one.</summary>
public sealed class CommandLineToolsStepTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly PersistedFacts _facts = new();
    private readonly SimulatedCommandLineTools _simulated;
    private readonly CountingCommandLineTools _tools;
    private readonly CommandLineToolsOnDemandMarker _marker;

    public CommandLineToolsStepTests()
    {
        _simulated = new SimulatedCommandLineTools(new SimulatedMac(_root.Paths), new ProcessRunner(TimeProvider.System), LocalGitRepository.GitPath);
        _tools = new CountingCommandLineTools(_simulated, _root.Paths);
        _marker = new CommandLineToolsOnDemandMarker(_root.Paths);
    }

    public void Dispose() => _root.Dispose();

    private CommandLineToolsStep Step() => new([BuiltInStepIds.OsUpgrade], _tools, _marker);

    [Fact]
    public async Task A_fresh_Mac_gets_the_newest_tools_offered_while_the_marker_exists_and_the_marker_is_removed()
    {
        // Arrange
        var step = Step();

        // Act
        var probed = await step.ProbeAsync(_facts.NewContext(step.Id), CancellationToken.None);
        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);
        var verified = await step.VerifyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        // Assert
        probed.Should().BeFalse();
        result.Should().Be(ApplyResult.Succeeded);
        verified.Should().Be(VerifyResult.Passed);
        _tools.Installs.Should().Be(1);
        _tools.MarkerAtList.Should().Equal(true);
        _tools.MarkerAtInstall.Should().Equal(true);
        _marker.Exists.Should().BeFalse();
        _facts.Facts[CommandLineToolsStep.LabelFact].Should().Be("Command Line Tools for Xcode-16.4", "the newer of the two offered");
        (await _simulated.ProbeAsync(CancellationToken.None)).GitVersion.Should().StartWith("git version ");
        step.DependsOn.Should().Equal(BuiltInStepIds.OsUpgrade);
    }

    [Fact]
    public async Task Without_the_marker_the_simulated_catalog_offers_no_tools()
    {
        (await _simulated.ListAsync(CancellationToken.None)).Should().BeEmpty();

        var act = () => _simulated.InstallAsync("Command Line Tools for Xcode-16.4", CancellationToken.None);

        (await act.Should().ThrowAsync<CommandLineToolsException>()).WithMessage("*No such update*");
    }

    [Fact]
    public async Task Tools_already_installed_pass_the_probe_and_a_crash_after_the_install_does_not_install_again()
    {
        // Arrange: an install whose Succeeded was never recorded (power cut after softwareupdate finished).
        await Step().ApplyAsync(_facts.NewContext(BuiltInStepIds.CommandLineTools), CancellationToken.None);

        // Act
        var probed = await Step().ProbeAsync(_facts.NewContext(BuiltInStepIds.CommandLineTools, attempt: 2), CancellationToken.None);

        // Assert
        probed.Should().BeTrue();
        _tools.Installs.Should().Be(1);
    }

    [Fact]
    public async Task A_marker_left_by_a_crash_is_removed_when_the_step_is_probed()
    {
        _marker.Create();

        await Step().ProbeAsync(_facts.NewContext(BuiltInStepIds.CommandLineTools), CancellationToken.None);

        _marker.Exists.Should().BeFalse();
    }

    [Fact]
    public async Task A_list_without_the_tools_is_a_retryable_failure_naming_the_marker_and_leaves_no_marker()
    {
        // Arrange
        _tools.ListOverride = [];

        // Act
        var result = await Step().ApplyAsync(_facts.NewContext(BuiltInStepIds.CommandLineTools), CancellationToken.None);

        // Assert
        var fail = result.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeTrue();
        fail.Reason.Should().Contain("offers no \"Command Line Tools for Xcode-…\"").And.Contain(_marker.FilePath);
        _marker.Exists.Should().BeFalse();
        _facts.Facts.Should().NotContainKey(CommandLineToolsStep.LabelFact, "nothing was installed");
    }

    [Fact]
    public async Task A_failed_install_is_retryable_and_leaves_no_marker()
    {
        // Arrange
        _tools.InstallFailure = new CommandLineToolsException("softwareupdate --install \"x\" exited with 1: 'network lost'", retryable: true);

        // Act
        var result = await Step().ApplyAsync(_facts.NewContext(BuiltInStepIds.CommandLineTools), CancellationToken.None);

        // Assert
        result.Should().BeOfType<ApplyResult.Fail>().Which.Retryable.Should().BeTrue();
        _marker.Exists.Should().BeFalse();
        _facts.Facts[CommandLineToolsStep.LabelFact].Should().Be("Command Line Tools for Xcode-16.4", "the label is kept before the install runs");
    }

    [Fact]
    public async Task Verify_without_the_tools_says_why_and_names_the_label_installed()
    {
        // Arrange
        _facts.Facts[CommandLineToolsStep.LabelFact] = "Command Line Tools for Xcode-16.4";

        // Act
        var verified = await Step().VerifyAsync(_facts.NewContext(BuiltInStepIds.CommandLineTools), CancellationToken.None);

        // Assert
        verified.Ok.Should().BeFalse();
        verified.Problem.Should().Contain("xcode-select -p names no developer directory")
            .And.Contain("after softwareupdate installed \"Command Line Tools for Xcode-16.4\"");
    }
}
