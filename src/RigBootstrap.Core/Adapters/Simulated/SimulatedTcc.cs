using System.Collections.Immutable;
using System.Globalization;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Adapters.Simulated;

/// <summary>
/// TCC on the simulated Mac: real SQLite TCC.db files at their host paths under the root, read through the same
/// query as on a Mac, and a record of what a person approved in System Settings under the simulator's directory.
/// The system database exists from power-on; a user's appears at that user's first login. What the MDM grants is
/// not here: a PPPC profile lands in MDMOverrides.plist (<see cref="SimulatedMdm"/>), never as TCC.db rows.
/// </summary>
public sealed class SimulatedTcc : ITcc
{
    private const int AllowedAuthValue = 2;
    private const int UserSetAuthReason = 3;

    private readonly SimulatedMac _mac;
    private readonly IProcessRunner _runner;
    private readonly ToolTable _tools;
    private readonly TccTool _reader;

    public SimulatedTcc(SimulatedMac mac, IProcessRunner runner, ToolTable tools)
    {
        _mac = mac;
        _runner = runner;
        _tools = tools;
        _reader = new TccTool(runner, tools, mac.Paths);
    }

    public string DirPath => Path.Join(_mac.DirPath, "tcc");

    /// <summary>One <c>service TAB client</c> line per approval a person gave; it outlives reboots like TCC.db.</summary>
    public string ApprovalsPath => Path.Join(DirPath, "approvals.tsv");

    public async Task<TccGrantStatus> HasGrantAsync(string service, string client, string userName, CancellationToken cancellationToken)
    {
        RequireSqlite3();
        await EnsureSystemDatabaseAsync(cancellationToken);
        return await _reader.HasGrantAsync(service, client, userName, cancellationToken);
    }

    /// <summary>What a person does in System Settings: switches the service on, an allowed "user set" row in every database that holds it.</summary>
    public async Task ApproveAsync(string service, string client, CancellationToken cancellationToken)
    {
        RequireSqlite3();
        if (!IsStorable(service) || !IsStorable(client))
        {
            throw new ArgumentException("A TCC service and client must be non-empty and hold no tab, line break or NUL.");
        }

        await EnsureSystemDatabaseAsync(cancellationToken);
        if (!Approvals().Contains((service, client)))
        {
            Directory.CreateDirectory(DirPath);
            await File.AppendAllTextAsync(ApprovalsPath, service + "\t" + client + "\n", cancellationToken);
        }

        foreach (var databasePath in ExistingDatabasesFor(TccServiceScopes.ScopeOf(service)))
        {
            await InsertGrantAsync(databasePath, service, client, cancellationToken);
        }
    }

    /// <summary>
    /// What the first login does: creates the user's TCC.db, with the approvals already given for user services in it.
    /// A later login changes nothing. The power cycle calls this at boot for the user the login window logs in.
    /// </summary>
    public async Task CreateUserDatabaseAtFirstLoginAsync(string userName, CancellationToken cancellationToken)
    {
        RequireSqlite3();
        var databasePath = _mac.Paths.UserTccDatabasePath(userName);
        if (!File.Exists(databasePath))
        {
            await CreateDatabaseAsync(databasePath, TccDatabaseScope.User, cancellationToken);
        }
    }

    private async Task EnsureSystemDatabaseAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_mac.Paths.SystemTccDatabasePath))
        {
            await CreateDatabaseAsync(_mac.Paths.SystemTccDatabasePath, TccDatabaseScope.System, cancellationToken);
        }
    }

    // Built beside the target and renamed into place, so a crash never leaves a half-made database that "exists".
    private async Task CreateDatabaseAsync(string databasePath, TccDatabaseScope scope, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var buildingPath = databasePath + ".creating";
        File.Delete(buildingPath);
        await RunSqlite3Async([buildingPath, SimulatedTccDatabaseSchema.CreateAccessTable], cancellationToken);
        foreach (var (service, client) in Approvals().Where(g => TccServiceScopes.ScopeOf(g.Service) == scope))
        {
            await InsertGrantAsync(buildingPath, service, client, cancellationToken);
        }

        File.Move(buildingPath, databasePath);
    }

    private IEnumerable<string> ExistingDatabasesFor(TccDatabaseScope scope) =>
        scope == TccDatabaseScope.System
            ? [_mac.Paths.SystemTccDatabasePath]
            : Directory.Exists(_mac.Paths.UsersDirPath)
                ? Directory.GetDirectories(_mac.Paths.UsersDirPath).Order(StringComparer.Ordinal)
                    .Select(home => _mac.Paths.UserTccDatabasePath(Path.GetFileName(home)))
                    .Where(File.Exists)
                : [];

    private ImmutableArray<(string Service, string Client)> Approvals() =>
        File.Exists(ApprovalsPath)
            ? [.. File.ReadAllLines(ApprovalsPath).Select(line => line.Split('\t')).Where(f => f.Length == 2).Select(f => (f[0], f[1]))]
            : [];

    private Task InsertGrantAsync(string databasePath, string service, string client, CancellationToken cancellationToken)
    {
        // A client that is a path has client_type 1, a bundle id 0; auth_reason 3 is "User Set".
        var clientType = client.StartsWith('/') ? 1 : 0;
        var sql = string.Create(
            CultureInfo.InvariantCulture,
            $"INSERT OR REPLACE INTO access (service, client, client_type, auth_value, auth_reason, auth_version, flags) "
            + $"VALUES ({Literal(service)}, {Literal(client)}, {clientType}, {AllowedAuthValue}, {UserSetAuthReason}, 1, 0);");
        return RunSqlite3Async([databasePath, sql], cancellationToken);
    }

    private async Task RunSqlite3Async(ImmutableArray<string> arguments, CancellationToken cancellationToken)
    {
        var spec = new CommandSpec
        {
            FileName = _tools.PathOf(ToolNames.Sqlite3),
            Arguments = ["-init", "/dev/null", .. arguments],
            Timeout = TimeSpan.FromSeconds(30),
            AllowedExitCodes = [],
        };
        var result = await _runner.RunAsync(spec, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (result.ExitCode != 0 || result.TimedOut)
        {
            throw new TccException($"the simulated Mac could not write {arguments[0]} with sqlite3 (exit {result.ExitCode}): {ToolOutputExcerpt.Of(result.StderrTail)}");
        }
    }

    private void RequireSqlite3()
    {
        var sqlite3Path = _tools.PathOf(ToolNames.Sqlite3);
        if (!File.Exists(sqlite3Path))
        {
            throw new TccException($"the simulated Mac keeps TCC.db as a real SQLite database and needs sqlite3, which is not at {sqlite3Path}; "
                + "install it (apt-get install sqlite3 on Linux; macOS has it) or set tools.sqlite3 in the config");
        }
    }

    private static bool IsStorable(string value) =>
        !string.IsNullOrEmpty(value) && value.IndexOfAny(['\t', '\n', '\r', '\0']) < 0;

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
