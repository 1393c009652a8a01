namespace RigBootstrap.Cli.Tests.TestKit;

/// <summary>Finds a real tool the tests use (plistutil, age, git, sqlite3) on PATH; tests/run.sh installs them.</summary>
public static class ToolPath
{
    public static string? Find(string toolName) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Join(dir, toolName))
            .FirstOrDefault(File.Exists);

    public static string Require(string toolName, string package) =>
        Find(toolName) ?? throw new InvalidOperationException($"{toolName} is not on PATH; install {package} (apt-get or brew), as tests/run.sh does.");
}
