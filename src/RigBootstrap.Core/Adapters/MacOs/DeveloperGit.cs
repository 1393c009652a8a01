namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// The git a Mac runs: `&lt;xcode-select -p&gt;/usr/bin/git`, the Command Line Tools' (/Library/Developer/CommandLineTools)
/// or the selected Xcode's (/Applications/Xcode….app/Contents/Developer). Looked up on every call, so an Xcode
/// selected after the tools were installed is used from then on.
/// </summary>
public static class DeveloperGit
{
    public static Func<CancellationToken, Task<string>> PathFrom(ICommandLineTools tools) => async cancellationToken =>
    {
        var found = await tools.ProbeAsync(cancellationToken);
        return found.Usable
            ? found.GitPath!
            : throw new GitException(GitErrorKind.Failed,
                $"no git to run: {found.Problem}; the command-line-tools step installs the Command Line Tools (see `rig-bootstrap status`)");
    };
}
