namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>
/// The published linux-x64 single-file, trimmed binary under test: the one tests/run.sh names in
/// RIG_BOOTSTRAP_PUBLISHED_BINARY, or, when a developer runs `dotnet test` alone, one published once per test run
/// into a temporary directory.
/// </summary>
public sealed class PublishedBinary : IAsyncLifetime
{
    public const string Variable = "RIG_BOOTSTRAP_PUBLISHED_BINARY";

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    private string? _publishDirPath;

    public string FilePath { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(given))
        {
            FilePath = File.Exists(given)
                ? Path.GetFullPath(given)
                : throw new FileNotFoundException($"{Variable} names {given}, which does not exist; publish first (tests/run.sh does).", given);
            return;
        }

        _publishDirPath = Directory.CreateTempSubdirectory("rig-bootstrap-e2e-publish-").FullName;
        var result = await PublishAsync(_publishDirPath, []);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the CLI failed, so no end-to-end test can run.\n{result.Describe()}");
        }

        FilePath = Path.Join(_publishDirPath, "rig-bootstrap");
    }

    public Task DisposeAsync()
    {
        if (_publishDirPath is not null && Directory.Exists(_publishDirPath))
        {
            Directory.Delete(_publishDirPath, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs the release publish of tests/run.sh into <paramref name="outputDirPath"/>, plus any extra MSBuild arguments.</summary>
    public static async Task<CliResult> PublishAsync(string outputDirPath, IReadOnlyList<string> extraArguments)
    {
        var repository = RepositoryRoot.Find();
        string[] arguments =
        [
            "publish", Path.Join(repository, "src", "RigBootstrap.Cli", "RigBootstrap.Cli.csproj"),
            "-c", "Release", "-r", "linux-x64", "-o", outputDirPath, "-nologo",
            // No MSBuild node or compiler server may outlive the test run.
            "--disable-build-servers",
            .. extraArguments,
        ];
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

        // `dotnet test` names the muxer that started it; fall back to PATH for other runners.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        using var publish = ChildProcess.Start(dotnet, arguments, environment, repository);
        return await publish.WaitAsync(PublishTimeout);
    }
}
