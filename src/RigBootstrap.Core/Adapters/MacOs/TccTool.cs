using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.MacOs;

/// <summary>
/// <see cref="ITcc"/> over the real <c>sqlite3</c>: a read-only query of the TCC.db that holds the service
/// (<see cref="TccServiceScopes"/>), with paths resolved under the host root and sqlite3 from the tool table.
/// </summary>
/// <remarks>
/// macOS guards both databases with TCC itself: without Full Disk Access the open fails, even as root, and sqlite3
/// says "authorization denied" or "unable to open database file". Grants delivered by an MDM PPPC profile are kept
/// by tccd in <c>MDMOverrides.plist</c> beside TCC.db, not as <c>access</c> rows: <see cref="MdmOverridesFile"/> and
/// <see cref="ProfilesListing"/> read those; this reader finds what a person approved.
/// </remarks>
public sealed class TccTool : ITcc
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;
    private readonly HostPaths _paths;

    public TccTool(IProcessRunner runner, ToolTable tools, HostPaths paths)
    {
        _runner = runner;
        _tools = tools;
        _paths = paths;
    }

    public async Task<TccGrantStatus> HasGrantAsync(string service, string client, string userName, CancellationToken cancellationToken)
    {
        var scope = TccServiceScopes.ScopeOf(service);
        var databasePath = scope == TccDatabaseScope.System ? _paths.SystemTccDatabasePath : _paths.UserTccDatabasePath(userName);
        if (!DatabaseExists(databasePath))
        {
            return scope == TccDatabaseScope.User
                ? TccGrantStatus.UserDatabaseMissing
                : throw new TccException($"the system TCC database {databasePath} does not exist; rig-bootstrap checks TCC grants only on macOS 11 or later");
        }

        var spec = new CommandSpec
        {
            FileName = _tools.PathOf(ToolNames.Sqlite3),
            Arguments = TccQuery.GrantCheckArguments(databasePath, service, client),
            Timeout = QueryTimeout,
            AllowedExitCodes = [],
        };
        ProcessResult result;
        try
        {
            result = await _runner.RunAsync(spec, cancellationToken);
        }
        catch (ProcessStartException ex)
        {
            throw new TccException($"sqlite3 could not be started ({ex.Message}); install sqlite3 3.33 or later, or point the tool table's sqlite3 at it", ex);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (result.TimedOut)
        {
            throw new TccException($"sqlite3 did not read {databasePath} within {QueryTimeout.TotalSeconds:0} s and was stopped; check that the disk is not hung and retry");
        }

        if (result.ExitCode != 0)
        {
            throw Refused(databasePath, result);
        }

        try
        {
            return TccQuery.IsAllowed(TccQuery.ParseRows(result.StdoutTail)) ? TccGrantStatus.Granted : TccGrantStatus.NotGranted;
        }
        catch (FormatException ex)
        {
            throw new TccException($"could not read the grants in {databasePath}: {ex.Message}", ex);
        }
    }

    // File.GetAttributes tells "not there" (ENOENT) from "not allowed to look" (EACCES/EPERM), which File.Exists hides.
    private static bool DatabaseExists(string databasePath)
    {
        try
        {
            _ = File.GetAttributes(databasePath);
            return true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TccException(NoFullDiskAccess(databasePath), ex);
        }
    }

    private static TccException Refused(string databasePath, ProcessResult result)
    {
        var stderr = result.StderrTail;
        if (Mentions(stderr, "authorization denied") || Mentions(stderr, "not authorized") || Mentions(stderr, "unable to open database"))
        {
            return new TccException(NoFullDiskAccess(databasePath) + $" (sqlite3: {ToolOutputExcerpt.Of(stderr)})");
        }

        if (Mentions(stderr, "file is not a database") || Mentions(stderr, "no such table") || Mentions(stderr, "no such column"))
        {
            return new TccException($"{databasePath} is not a TCC database this version of rig-bootstrap can read (sqlite3: {ToolOutputExcerpt.Of(stderr)}); check the macOS version (11 or later)");
        }

        return new TccException($"sqlite3 exited with {result.ExitCode} reading {databasePath}: {ToolOutputExcerpt.Of(stderr)}");
    }

    private static string NoFullDiskAccess(string databasePath) =>
        $"cannot read {databasePath}: macOS lets only processes with Full Disk Access read TCC.db, even as root; "
        + $"have the MDM install a PPPC profile granting SystemPolicyAllFiles to {HostPaths.InstalledBinaryLocation}, then retry";

    private static bool Mentions(string text, string phrase) => text.Contains(phrase, StringComparison.OrdinalIgnoreCase);
}
