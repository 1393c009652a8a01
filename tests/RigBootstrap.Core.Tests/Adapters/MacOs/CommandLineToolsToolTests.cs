using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>The commands CommandLineToolsTool runs and how it reads them, against a scripted process runner and a real host root.</summary>
public sealed class CommandLineToolsToolTests : IDisposable
{
    private const string Label = "Command Line Tools for Xcode-16.4";

    private readonly TempHostRoot _root = new();
    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly CommandLineToolsTool _tool;

    public CommandLineToolsToolTests() =>
        _tool = new CommandLineToolsTool(_runner, new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty), _root.Paths);

    public void Dispose()
    {
        _root.Dispose();
        _toolsDir.Dispose();
    }

    private string CltGitPath => Path.Join(_root.Paths.CommandLineToolsDirPath, "usr", "bin", "git");

    [Fact]
    public async Task On_a_fresh_Mac_xcode_select_fails_and_no_git_is_run()
    {
        // Arrange: the status is not in the sample's source; any non-zero one reads the same.
        _runner.Then(2, stderr: MacOsFixtures.ReadText("xcode-select-p-unset-sonoma-14.6.1.stderr.txt"));

        // Act
        var found = await _tool.ProbeAsync(CancellationToken.None);

        // Assert
        found.Usable.Should().BeFalse();
        found.Problem.Should().Contain("names no developer directory").And.Contain("not installed");
        _runner.Specs.Should().ContainSingle().Which.FileName.Should().Be(Path.Join(_toolsDir.Paths.RootDirPath, "xcode-select"));
        _runner.Specs.Single().Arguments.Should().Equal("-p");
    }

    [Fact]
    public async Task Installed_tools_are_found_by_running_the_git_in_the_directory_xcode_select_names()
    {
        // Arrange
        Directory.CreateDirectory(Path.GetDirectoryName(CltGitPath)!);
        await File.WriteAllTextAsync(CltGitPath, "");
        _runner.Then(0, MacOsFixtures.ReadText("xcode-select-p-clt.txt")).Then(0, "git version 2.39.5 (Apple Git-154)\n");

        // Act
        var found = await _tool.ProbeAsync(CancellationToken.None);

        // Assert
        found.Usable.Should().BeTrue();
        found.DeveloperDirPath.Should().Be("/Library/Developer/CommandLineTools");
        found.GitPath.Should().Be(CltGitPath, "the selection is a host path, found under the host root; never the /usr/bin/git shim");
        found.GitVersion.Should().Be("git version 2.39.5 (Apple Git-154)");
        _runner.Specs[1].FileName.Should().Be(CltGitPath);
        _runner.Specs[1].Arguments.Should().Equal("--version");
    }

    [Fact]
    public async Task A_selected_directory_without_git_is_not_usable_and_names_the_directory()
    {
        // Arrange: the tools were removed, or a macOS upgrade left them incomplete; xcode-select still names them.
        _runner.Then(0, MacOsFixtures.ReadText("xcode-select-p-clt.txt"));

        // Act
        var found = await _tool.ProbeAsync(CancellationToken.None);

        // Assert
        found.Usable.Should().BeFalse();
        found.Problem.Should().Contain("/Library/Developer/CommandLineTools, which has no usr/bin/git");
        _runner.Specs.Should().ContainSingle();
    }

    [Fact]
    public async Task A_git_that_fails_is_not_usable_and_its_output_is_quoted()
    {
        // Arrange
        Directory.CreateDirectory(Path.GetDirectoryName(CltGitPath)!);
        await File.WriteAllTextAsync(CltGitPath, "");
        _runner.Then(0, "/Library/Developer/CommandLineTools\n").Then(1, stderr: MacOsFixtures.ReadText("xcode-select-p-git-xcrun-missing-fresh-mac.txt"));

        // Act
        var found = await _tool.ProbeAsync(CancellationToken.None);

        // Assert
        found.Usable.Should().BeFalse();
        found.Problem.Should().Contain("--version exited with 1").And.Contain("invalid active developer path");
    }

    [Fact]
    public async Task The_list_is_softwareupdate_list_read_with_its_Command_Line_Tools()
    {
        // Arrange
        _runner.Then(0, MacOsFixtures.ReadText("softwareupdate-list-clt-sequoia-15.txt"));

        // Act
        var offered = await _tool.ListAsync(CancellationToken.None);

        // Assert
        CommandLineToolsLabel.Newest(offered)!.Label.Should().Be("Command Line Tools for Xcode 26.2-26.2");
        _runner.Specs.Single().Arguments.Should().Equal("--list");
    }

    [Fact]
    public async Task A_list_that_cannot_be_read_is_a_retryable_failure()
    {
        _runner.Then(0, "Software Update Tool\n\nFinding available software\n");

        var act = () => _tool.ListAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<CommandLineToolsException>()).Which.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task The_install_passes_the_label_as_one_argument_and_reads_Done()
    {
        // Arrange
        _runner.Then(0, MacOsFixtures.ReadText("softwareupdate-install-clt-16.4-homebrew-installer.txt"));

        // Act
        await _tool.InstallAsync(Label, CancellationToken.None);

        // Assert
        _runner.Specs.Single().FileName.Should().Be(Path.Join(_toolsDir.Paths.RootDirPath, "softwareupdate"));
        _runner.Specs.Single().Arguments.Should().Equal("--install", Label);
    }

    [Fact]
    public async Task An_install_of_a_label_no_longer_offered_is_a_retryable_failure_naming_the_label()
    {
        _runner.Then(1, MacOsFixtures.ReadText("softwareupdate-install-clt-no-such-update.txt"));

        var act = () => _tool.InstallAsync(Label, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<CommandLineToolsException>()).Which;
        thrown.Message.Should().Contain($"\"{Label}\": No such update");
        thrown.Retryable.Should().BeTrue();
    }

    [Fact]
    public async Task An_install_that_exits_non_zero_with_unknown_output_fails_quoting_it()
    {
        _runner.Then(1, stderr: "Error downloading Command Line Tools for Xcode: network lost\n");

        var act = () => _tool.InstallAsync(Label, CancellationToken.None);

        (await act.Should().ThrowAsync<CommandLineToolsException>()).WithMessage("*exited with 1*network lost*");
    }
}
