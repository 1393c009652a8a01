using System.Diagnostics;

namespace RigBootstrap.ServiceDefinitions.Tests.TestKit;

/// <summary>Finds a real tool on PATH and runs it with an argument list, failing the test if it hangs.</summary>
public static class ExternalTool
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    public static string? FindOnPath(string toolName) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, toolName))
            .FirstOrDefault(File.Exists);

    public static ToolRunResult Run(string toolPath, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(toolPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {toolPath}.");
        // Read both streams concurrently so a full pipe cannot block the tool.
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RunTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{toolPath} {string.Join(' ', arguments)} did not finish within {RunTimeout.TotalSeconds} s.");
        }

        return new ToolRunResult(process.ExitCode, standardOutput.GetAwaiter().GetResult(), standardError.GetAwaiter().GetResult());
    }
}
