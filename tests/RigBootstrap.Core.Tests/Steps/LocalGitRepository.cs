using System.Collections.Immutable;
using System.Diagnostics;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>A bare repository in its own temporary directory, with commits made by the real git, for deploys to clone.</summary>
public sealed class LocalGitRepository : IDisposable
{
    private readonly string _dirPath = Directory.CreateTempSubdirectory("rig-git-").FullName;

    public LocalGitRepository()
    {
        Git(_dirPath, "init", "--quiet", "--bare", BarePath);
        Git(_dirPath, "init", "--quiet", WorkDirPath);
    }

    public string BarePath => Path.Join(_dirPath, "origin.git");

    private string WorkDirPath => Path.Join(_dirPath, "work");

    /// <summary>The real git, from PATH; the product resolves it from the tool table, so tests name it there.</summary>
    public static string GitPath { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Join(dir, "git")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("git is not on PATH; install git (apt-get install git, or Xcode's command line tools)");

    public static ToolTable Tools { get; } = new(null, ImmutableDictionary<string, string>.Empty.Add(ToolNames.Git, GitPath));

    /// <summary>Commits an executable bin/rig-deploy that prints <paramref name="version"/>, pushes it to main, returns its sha.</summary>
    public string CommitAgent(string version)
    {
        var programPath = Path.Join(WorkDirPath, "bin", "rig-deploy");
        Directory.CreateDirectory(Path.GetDirectoryName(programPath)!);
        File.WriteAllText(programPath, $"#!/bin/sh\necho rig-deploy {version}\n");
        File.SetUnixFileMode(programPath, (UnixFileMode)Convert.ToInt32("755", 8));
        Git(WorkDirPath, "add", "-A");
        Git(WorkDirPath, "-c", "user.name=rig test", "-c", "user.email=rig@test.invalid", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", version);
        Git(WorkDirPath, "push", "--quiet", BarePath, "HEAD:refs/heads/main");
        return Git(WorkDirPath, "rev-parse", "HEAD").Trim();
    }

    public static string Git(string workingDirPath, params string[] arguments)
    {
        var info = new ProcessStartInfo(GitPath) { WorkingDirectory = workingDirPath, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The machine's own git config must not change what a test sees.
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"git {string.Join(' ', arguments)} did not finish in 30 s");
        }

        return process.ExitCode == 0
            ? stdout.Result
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited {process.ExitCode}: {stderr.Result}");
    }

    public void Dispose() => Directory.Delete(_dirPath, recursive: true);
}
