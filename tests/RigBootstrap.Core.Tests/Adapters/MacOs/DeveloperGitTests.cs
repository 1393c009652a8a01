using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>On a Mac, GitTool runs the developer directory's git, looked up on every call, and never the /usr/bin shim.</summary>
public sealed class DeveloperGitTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private readonly FakeProcessRunner _runner = new();

    [Fact]
    public async Task Each_call_runs_the_git_the_developer_directory_holds_at_that_moment()
    {
        // Arrange: the Command Line Tools first, then an Xcode gets selected.
        var tools = new ScriptedTools(
            new DeveloperTools { DeveloperDirPath = "/Library/Developer/CommandLineTools", GitPath = "/r/Library/Developer/CommandLineTools/usr/bin/git", GitVersion = "git version 2.39.5" },
            new DeveloperTools { DeveloperDirPath = "/Applications/Xcode-16.2.0.app/Contents/Developer", GitPath = "/r/Applications/Xcode-16.2.0.app/Contents/Developer/usr/bin/git", GitVersion = "git version 2.39.5" });
        var git = new GitTool(_runner, DeveloperGit.PathFrom(tools));
        _runner.Then(0, Sha + "\n").Then(0, Sha + "\n");

        // Act
        await git.HeadAsync("/r/checkout", CancellationToken.None);
        await git.HeadAsync("/r/checkout", CancellationToken.None);

        // Assert
        _runner.Specs.Select(s => s.FileName).Should().Equal(
            "/r/Library/Developer/CommandLineTools/usr/bin/git", "/r/Applications/Xcode-16.2.0.app/Contents/Developer/usr/bin/git");
    }

    [Fact]
    public async Task Without_developer_tools_no_git_runs_and_the_error_names_the_step_that_installs_them()
    {
        // Arrange
        var tools = new ScriptedTools(DeveloperTools.Missing(null, null, "xcode-select -p names no developer directory (a fresh Mac)"));
        var git = new GitTool(_runner, DeveloperGit.PathFrom(tools));

        // Act
        var act = () => git.HeadAsync("/r/checkout", CancellationToken.None);

        // Assert
        var thrown = (await act.Should().ThrowAsync<GitException>()).Which;
        thrown.Kind.Should().Be(GitErrorKind.Failed, "retryable: the tools may be installed by the next attempt");
        thrown.Message.Should().Contain("names no developer directory").And.Contain("command-line-tools step");
        _runner.Specs.Should().BeEmpty();
    }

    [Fact]
    public async Task The_shims_fresh_Mac_error_is_told_as_missing_tools_not_quoted_raw()
    {
        // Arrange: a config whose tools.git names the /usr/bin shim on a Mac without the tools.
        var git = new GitTool(_runner, _ => Task.FromResult("/usr/bin/git"));
        _runner.Then(1, stderr: MacOsFixtures.ReadText("xcode-select-p-git-xcrun-missing-fresh-mac.txt"));

        // Act
        var act = () => git.HeadAsync("/r/checkout", CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<GitException>()).WithMessage(
            "*the xcrun shim and /Library/Developer/CommandLineTools holds no developer tools; install the Command Line Tools (steps.commandLineTools)*");
    }

    /// <summary>Answers each probe with the next scripted result, the last one from then on.</summary>
    private sealed class ScriptedTools(params DeveloperTools[] probes) : ICommandLineTools
    {
        private int _calls;

        public Task<DeveloperTools> ProbeAsync(CancellationToken cancellationToken) =>
            Task.FromResult(probes[Math.Min(_calls++, probes.Length - 1)]);

        public Task<ImmutableArray<SoftwareUpdate>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException("not a list test");

        public Task InstallAsync(string label, CancellationToken cancellationToken) => throw new NotSupportedException("not an install test");
    }
}
