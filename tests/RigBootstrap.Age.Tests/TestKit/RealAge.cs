using System.Diagnostics;

namespace RigBootstrap.Age.Tests.TestKit;

/// <summary>The real `age` 1.1.x, run as a process: the reference these tests check our format against.</summary>
public static class RealAge
{
    private static readonly string[] Locations = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"];

    public static string? AgePath { get; } = Find("age");

    public static string? AgeKeygenPath { get; } = Find("age-keygen");

    /// <summary>Runs the tool with the arguments and stdin; returns exit code, stdout bytes and stderr text.</summary>
    public static (int ExitCode, byte[] Stdout, string Stderr) Run(string toolPath, IEnumerable<string> arguments, byte[]? stdin = null)
    {
        var info = new ProcessStartInfo(toolPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(stdin ?? []);
        process.StandardInput.Close();
        process.WaitForExit(TimeSpan.FromSeconds(60)).Should().BeTrue($"{toolPath} should finish within 60 s");
        copy.Wait();
        return (process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    private static string? Find(string name) => Locations.Select(dir => Path.Join(dir, name)).FirstOrDefault(File.Exists);
}
