namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

/// <summary>What an external tool run by the tests printed and returned.</summary>
public sealed record ToolRunResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string CombinedOutput => $"exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}
