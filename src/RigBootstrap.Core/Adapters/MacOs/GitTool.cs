using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Steps;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// <see cref="IGit"/> over the real `git` (the same on macOS and Linux), resolved from the tool table. A clone is
/// `git clone --no-checkout`, then `cat-file -e SHA^{commit}` and `checkout --detach SHA`: it works alike for a
/// local bare repository, https and ssh, and needs nothing from the server beyond a plain clone. On a real host it
/// runs as the agent user, who owns the checkout (git refuses a repository owned by someone else). On a Mac the git
/// is the one in the developer directory `xcode-select -p` names (<see cref="DeveloperGit"/>), never the `/usr/bin/git`
/// shim, which only fails with "xcrun: error: invalid active developer path" until the Command Line Tools are installed.
/// </summary>
public sealed partial class GitTool : IGit
{
    private static readonly TimeSpan CloneTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan LocalTimeout = TimeSpan.FromMinutes(2);

    private readonly IProcessRunner _runner;
    private readonly Func<CancellationToken, Task<string>> _gitPath;
    private readonly string? _userName;
    private readonly string? _userHomeDirPath;

    /// <param name="userName">Run git as this user (needs root); null runs it as the caller, as a simulation does.</param>
    /// <param name="userHomeDirPath">That user's home, for HOME: git reads its config and credential helper there.</param>
    public GitTool(IProcessRunner runner, ToolTable tools, string? userName = null, string? userHomeDirPath = null)
        : this(runner, _ => Task.FromResult(tools.PathOf(ToolNames.Git)), userName, userHomeDirPath)
    {
    }

    /// <param name="gitPath">Finds the git to run, once per call (a Mac's developer directory may change between calls).</param>
    public GitTool(IProcessRunner runner, Func<CancellationToken, Task<string>> gitPath, string? userName = null, string? userHomeDirPath = null)
    {
        _runner = runner;
        _gitPath = gitPath;
        _userName = userName;
        _userHomeDirPath = userHomeDirPath;
    }

    public async Task CloneAtAsync(string repository, string sha, string targetDirPath, CancellationToken cancellationToken)
    {
        RefuseCredentials(repository);
        // "--" ends the options, so an address that starts with "-" cannot become one.
        var clone = await RunAsync(["clone", "--no-checkout", "--quiet", "--", repository, targetDirPath],
            Path.GetDirectoryName(targetDirPath), CloneTimeout, cancellationToken);
        if (clone.ExitCode != 0)
        {
            throw new GitException(GitErrorKind.CloneFailed,
                $"git clone of {repository} failed ({Describe(clone)}); check that this host reaches it and that "
                + $"{_userName ?? "this user"} may read it (a deploy key or a credential helper, never a token in the address)");
        }

        var lookup = await RunAsync(["-C", targetDirPath, "cat-file", "-e", sha + "^{commit}"], targetDirPath, LocalTimeout, cancellationToken);
        if (lookup.ExitCode != 0)
        {
            throw new GitException(GitErrorKind.CommitNotFound,
                $"{repository} has no commit {sha} on its branches or tags; set firstDeploy.sha to a commit that is pushed there");
        }

        var checkout = await RunAsync(["-C", targetDirPath, "checkout", "--quiet", "--detach", sha], targetDirPath, LocalTimeout, cancellationToken);
        if (checkout.ExitCode != 0)
        {
            throw new GitException(GitErrorKind.Failed, $"git checkout of {sha} in {targetDirPath} failed ({Describe(checkout)})");
        }
    }

    public async Task<string> HeadAsync(string dirPath, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["-C", dirPath, "rev-parse", "--verify", "HEAD"], dirPath, LocalTimeout, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new GitException(GitErrorKind.NotACheckout, $"{dirPath} is not a git checkout with a commit ({Describe(result)})");
        }

        var head = result.StdoutTail.Trim();
        return CommitId().IsMatch(head)
            ? head
            : throw new GitException(GitErrorKind.Failed, $"git rev-parse HEAD in {dirPath} printed no commit id: {ToolOutputExcerpt.Of(head)}");
    }

    private static void RefuseCredentials(string repository)
    {
        if (GitAddress.CarriesCredentials(repository))
        {
            throw new GitException(GitErrorKind.CredentialsInAddress, GitAddress.CredentialsProblem(repository));
        }
    }

    private async Task<ProcessResult> RunAsync(ImmutableArray<string> arguments, string? workingDirPath, TimeSpan timeout, CancellationToken cancellationToken) =>
        await _runner.RunAsync(new CommandSpec
        {
            FileName = await _gitPath(cancellationToken),
            Arguments = arguments,
            WorkingDirPath = workingDirPath,
            Environment = Environment(),
            UserName = _userName,
            Timeout = timeout,
            AllowedExitCodes = [],
        }, cancellationToken);

    private ImmutableDictionary<string, string?> Environment()
    {
        // A daemon has no terminal: a credential prompt must fail at once rather than hang until the timeout.
        var environment = ImmutableDictionary<string, string?>.Empty
            .Add("PATH", CommandEnvironment.DaemonPath)
            .Add("GIT_TERMINAL_PROMPT", "0")
            .Add("LC_ALL", "C");
        return _userName is null || _userHomeDirPath is null
            ? environment
            : environment.Add("HOME", _userHomeDirPath).Add("USER", _userName).Add("LOGNAME", _userName);
    }

    private static string Describe(ProcessResult result) =>
        result.TimedOut ? "timed out"
        // The /usr/bin shim of a Mac without the tools: say what is missing rather than quote xcrun.
        : XcodeSelectOutput.ShimMissingDeveloperPath(result.StderrTail) is { } missing
            ? $"exit {result.ExitCode}: this git is the xcrun shim and {missing} holds no developer tools; install the Command Line Tools (steps.commandLineTools)"
        : $"exit {result.ExitCode}: {ToolOutputExcerpt.Of(result.StderrTail)}";

    [GeneratedRegex("^[0-9a-f]{40}\\z")]
    private static partial Regex CommitId();
}
