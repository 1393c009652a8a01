using System.Globalization;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// A user's numeric id through `id -u &lt;user&gt;` (id(1)): launchctl names a user's GUI session `gui/&lt;uid&gt;`
/// and `launchctl asuser` takes the uid.
/// </summary>
public sealed class UserIds(IProcessRunner runner, ToolTable tools)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(10);

    /// <exception cref="ServiceManagerException">The user does not exist, or id printed something that is not a uid.</exception>
    public async Task<int> UidOfAsync(string user, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new CommandSpec
        {
            FileName = tools.PathOf(ToolNames.Id),
            Arguments = ["-u", user],
            AllowedExitCodes = [],
            Timeout = ToolTimeout,
        }, cancellationToken);
        return result.ExitCode == 0 && int.TryParse(result.StdoutTail.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            ? uid
            : throw new ServiceManagerException(
                $"`id -u {user}` exited {result.ExitCode} ({ToolOutputExcerpt.Of(result.StderrTail + result.StdoutTail)}): agent.user names no account "
                + "this Mac knows; create the account (the MDM's account payload) or correct agent.user", result.ExitCode == 0 ? 1 : result.ExitCode);
    }
}
