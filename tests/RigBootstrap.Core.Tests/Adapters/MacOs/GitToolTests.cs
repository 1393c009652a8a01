using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>The argument lists GitTool runs and how it reads git's exits, against a scripted process runner.</summary>
public sealed class GitToolTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private const string Repository = "https://github.com/example/automate-e.git";
    private const string TargetDirPath = "/sim/Users/claude/.rig/releases/.0123456789abcdef0123456789abcdef01234567.partial";

    private readonly FakeProcessRunner _runner = new();
    private readonly ToolTable _tools = new("/sim/tools", ImmutableDictionary<string, string>.Empty);

    [Fact]
    public async Task A_clone_runs_clone_without_checkout_then_looks_the_commit_up_then_checks_it_out_detached()
    {
        var git = new GitTool(_runner, _tools);

        await git.CloneAtAsync(Repository, Sha, TargetDirPath, CancellationToken.None);

        _runner.Specs.Select(s => s.FileName).Should().AllBe("/sim/tools/git");
        _runner.Specs.Select(s => s.Arguments.ToArray()).Should().BeEquivalentTo(
            new[]
            {
                new[] { "clone", "--no-checkout", "--quiet", "--", Repository, TargetDirPath },
                new[] { "-C", TargetDirPath, "cat-file", "-e", Sha + "^{commit}" },
                new[] { "-C", TargetDirPath, "checkout", "--quiet", "--detach", Sha },
            },
            options => options.WithStrictOrdering());
        _runner.Specs[0].WorkingDirPath.Should().Be("/sim/Users/claude/.rig/releases");
        _runner.Specs.Should().AllSatisfy(s =>
        {
            s.Environment["GIT_TERMINAL_PROMPT"].Should().Be("0");
            s.UserName.Should().BeNull();
            s.StandardInput.ToString().Should().Be("stdin: none");
        });
    }

    [Fact]
    public async Task On_a_real_host_git_runs_as_the_agent_user_with_that_users_home()
    {
        var git = new GitTool(_runner, _tools, "claude", "/Users/claude");

        await git.CloneAtAsync(Repository, Sha, TargetDirPath, CancellationToken.None);

        _runner.Specs.Should().AllSatisfy(s =>
        {
            s.UserName.Should().Be("claude");
            s.Environment["HOME"].Should().Be("/Users/claude");
            s.Environment["USER"].Should().Be("claude");
        });
    }

    [Fact]
    public async Task A_commit_the_repository_lacks_is_CommitNotFound_naming_the_sha_and_the_fix_and_nothing_is_checked_out()
    {
        _runner.Then(0).Then(128, stderr: $"fatal: Not a valid object name {Sha}^{{commit}}\n");
        var git = new GitTool(_runner, _tools);

        var act = () => git.CloneAtAsync(Repository, Sha, TargetDirPath, CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<GitException>();
        thrown.Which.Kind.Should().Be(GitErrorKind.CommitNotFound);
        thrown.Which.Message.Should().Contain(Sha).And.Contain("set firstDeploy.sha");
        _runner.Specs.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_failed_clone_is_CloneFailed_quoting_gits_error()
    {
        _runner.Then(128, stderr: "fatal: unable to access 'https://github.com/example/automate-e.git/': Could not resolve host: github.com\n");
        var git = new GitTool(_runner, _tools);

        var act = () => git.CloneAtAsync(Repository, Sha, TargetDirPath, CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<GitException>();
        thrown.Which.Kind.Should().Be(GitErrorKind.CloneFailed);
        thrown.Which.Message.Should().Contain("exit 128").And.Contain("Could not resolve host").And.Contain("deploy key");
        _runner.Specs.Should().ContainSingle();
    }

    [Theory]
    [InlineData("https://ghp_s3cr3tT0ken@github.com/example/automate-e.git", "ghp_s3cr3tT0ken")]
    [InlineData("https://deploy:s3cr3tPassw0rd@github.com/example/automate-e.git", "s3cr3tPassw0rd")]
    [InlineData("ssh://git:s3cr3tPassw0rd@github.com/example/automate-e.git", "s3cr3tPassw0rd")]
    public async Task An_address_carrying_a_credential_is_refused_before_git_runs_and_no_message_holds_it(string repository, string secret)
    {
        var git = new GitTool(_runner, _tools);

        var act = () => git.CloneAtAsync(repository, Sha, TargetDirPath, CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<GitException>();
        thrown.Which.Kind.Should().Be(GitErrorKind.CredentialsInAddress);
        thrown.Which.Message.Should().NotContain(secret).And.Contain("github.com").And.Contain("credential helper");
        _runner.Specs.Should().BeEmpty();
    }

    [Theory]
    [InlineData("git@github.com:example/automate-e.git")]
    [InlineData("ssh://git@github.com/example/automate-e.git")]
    [InlineData("/var/repos/automate-e.git")]
    [InlineData("https://github.com/example/automate-e.git")]
    public void An_ssh_user_name_a_local_path_or_a_plain_https_address_carries_no_credential(string repository) =>
        GitAddress.CarriesCredentials(repository).Should().BeFalse();

    [Fact]
    public async Task Head_runs_rev_parse_verify_HEAD_and_returns_the_trimmed_commit_id()
    {
        _runner.Then(0, stdout: Sha + "\n");
        var git = new GitTool(_runner, _tools);

        var head = await git.HeadAsync("/sim/release", CancellationToken.None);

        head.Should().Be(Sha);
        _runner.Specs.Single().Arguments.Should().Equal("-C", "/sim/release", "rev-parse", "--verify", "HEAD");
    }

    [Fact]
    public async Task Head_of_a_directory_that_is_no_checkout_is_NotACheckout()
    {
        _runner.Then(128, stderr: "fatal: not a git repository (or any of the parent directories): .git\n");
        var git = new GitTool(_runner, _tools);

        var act = () => git.HeadAsync("/sim/release", CancellationToken.None);

        (await act.Should().ThrowAsync<GitException>()).Which.Kind.Should().Be(GitErrorKind.NotACheckout);
    }
}
