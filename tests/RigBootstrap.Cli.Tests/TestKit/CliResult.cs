namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>What one run of a process left behind: its exit code and everything it printed.</summary>
public sealed record CliResult
{
    public required int ExitCode { get; init; }

    public required string Stdout { get; init; }

    public required string Stderr { get; init; }

    /// <summary>The whole run, for failure messages: a test that fails should show what the binary said.</summary>
    public string Describe() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
