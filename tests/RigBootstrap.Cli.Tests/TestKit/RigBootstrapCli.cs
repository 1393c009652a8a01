namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>Runs the published rig-bootstrap binary as an operator does: an argument list, a clean environment, a time limit.</summary>
public sealed class RigBootstrapCli
{
    /// <summary>Generous: a verb takes well under a second, but the test machine's two cores are shared.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    // Tests choose the host root and the tools on the command line; a developer's own settings must not leak in.
    private static readonly string[] HostVariables = ["RIG_BOOTSTRAP_ROOT", "RIG_BOOTSTRAP_TOOLS_DIR", CrashCounter.CrashAfterVariable, CrashCounter.FileVariable];

    public RigBootstrapCli(string binaryFilePath) => BinaryFilePath = binaryFilePath;

    public string BinaryFilePath { get; }

    public Task<CliResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        RunAsync(arguments, new Dictionary<string, string>(), cancellationToken);

    public async Task<CliResult> RunAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        using var child = Start(arguments, environment);
        return await child.WaitAsync(RunTimeout, cancellationToken);
    }

    /// <summary>Starts the binary and returns at once, for runs a test stops itself (a reboot that never comes).</summary>
    public ChildProcess Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = HostVariables.ToDictionary(name => name, string? (_) => null);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        return ChildProcess.Start(BinaryFilePath, arguments, variables);
    }
}
