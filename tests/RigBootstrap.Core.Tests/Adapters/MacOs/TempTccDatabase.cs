using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>A TCC.db made by the real sqlite3 from the fixture schema, in a temporary directory removed after the test.</summary>
public sealed class TempTccDatabase : IDisposable
{
    private readonly string _dirPath;

    private TempTccDatabase(string dirPath)
    {
        _dirPath = dirPath;
        FilePath = Path.Combine(dirPath, "TCC.db");
    }

    public string FilePath { get; }

    public string DirPath => _dirPath;

    /// <summary>The sqlite3 the product would run (the tool table's default), found without PATH.</summary>
    public static string Sqlite3Path { get; } = new ToolTable(null, ImmutableDictionary<string, string>.Empty).PathOf(ToolNames.Sqlite3);

    public static async Task<TempTccDatabase> CreateAsync(CancellationToken cancellationToken)
    {
        var database = new TempTccDatabase(Directory.CreateTempSubdirectory("rig-tcc-").FullName);
        var schema = await File.ReadAllTextAsync(Path.Combine(MacOsFixtures.DirPath, "tcc-db-schema.sql"), cancellationToken);
        await database.RunAsync([database.FilePath, schema], cancellationToken);
        return database;
    }

    /// <summary>
    /// Inserts a row with the values written as hex blobs cast to text, so the insert does not depend on the
    /// quoting that the tests check.
    /// </summary>
    public Task InsertAsync(string service, string client, int clientType, int authValue, int authReason, CancellationToken cancellationToken)
    {
        var sql = string.Create(
            CultureInfo.InvariantCulture,
            $"INSERT INTO access (service, client, client_type, auth_value, auth_reason, auth_version) VALUES ({Hex(service)}, {Hex(client)}, {clientType}, {authValue}, {authReason}, 1);");
        return RunAsync([FilePath, sql], cancellationToken);
    }

    public async Task<string> QueryJsonAsync(string sql, CancellationToken cancellationToken) =>
        (await RunAsync(["-readonly", "-json", FilePath, sql], cancellationToken)).StdoutTail;

    public async Task<ProcessResult> RunAsync(ImmutableArray<string> arguments, CancellationToken cancellationToken, ImmutableDictionary<string, string?>? environment = null)
    {
        var spec = new CommandSpec
        {
            FileName = Sqlite3Path,
            Arguments = arguments,
            Environment = environment ?? ImmutableDictionary<string, string?>.Empty,
            Timeout = TimeSpan.FromSeconds(20),
        };
        return await new ProcessRunner(TimeProvider.System).RunAsync(spec, cancellationToken);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dirPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A test may have removed it already.
        }
    }

    private static string Hex(string value) => $"CAST(X'{Convert.ToHexString(Encoding.UTF8.GetBytes(value))}' AS TEXT)";
}
