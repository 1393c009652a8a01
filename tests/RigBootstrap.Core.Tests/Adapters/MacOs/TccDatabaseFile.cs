using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>Makes and fills a TCC.db at a given path with the real sqlite3 and the fixture schema (the caller owns the directory).</summary>
public static class TccDatabaseFile
{
    public static string Sqlite3Path => TempTccDatabase.Sqlite3Path;

    public static async Task CreateAsync(string databasePath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var schema = await File.ReadAllTextAsync(Path.Combine(MacOsFixtures.DirPath, "tcc-db-schema.sql"), cancellationToken);
        await RunAsync([databasePath, schema], cancellationToken);
    }

    /// <summary>Values go in as hex blobs cast to text, so the insert does not depend on quoting.</summary>
    public static Task InsertAsync(string databasePath, string service, string client, int authValue, CancellationToken cancellationToken)
    {
        var clientType = client.StartsWith('/') ? 1 : 0;
        var sql = string.Create(
            CultureInfo.InvariantCulture,
            $"INSERT OR REPLACE INTO access (service, client, client_type, auth_value, auth_reason, auth_version) VALUES ({Hex(service)}, {Hex(client)}, {clientType}, {authValue}, 6, 1);");
        return RunAsync([databasePath, sql], cancellationToken);
    }

    public static async Task<string> QueryAsync(string databasePath, string sql, CancellationToken cancellationToken) =>
        (await RunAsync(["-readonly", databasePath, sql], cancellationToken)).StdoutTail;

    public static async Task<ProcessResult> RunAsync(ImmutableArray<string> arguments, CancellationToken cancellationToken)
    {
        var spec = new CommandSpec { FileName = Sqlite3Path, Arguments = ["-init", "/dev/null", .. arguments], Timeout = TimeSpan.FromSeconds(20) };
        return await new ProcessRunner(TimeProvider.System).RunAsync(spec, cancellationToken);
    }

    public static ToolTable DefaultTools { get; } = new(null, ImmutableDictionary<string, string>.Empty);

    private static string Hex(string value) => $"CAST(X'{Convert.ToHexString(Encoding.UTF8.GetBytes(value))}' AS TEXT)";
}
