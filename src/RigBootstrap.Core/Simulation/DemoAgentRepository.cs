using System.Collections.Immutable;
using RigBootstrap.Core.Host;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Simulation;

/// <summary>The fleet agent's repository for the demo: a bare git repository whose one commit holds `bin/rig-deploy`.</summary>
public static class DemoAgentRepository
{
    /// <summary>Creates it under <paramref name="dirPath"/> with the real git; returns its file:// address and the commit.</summary>
    public static async Task<(string Repository, string Sha)> CreateAsync(string dirPath, IProcessRunner runner, ToolTable tools, CancellationToken cancellationToken)
    {
        var work = Path.Join(dirPath, "rig-deploy-src");
        var bare = Path.Join(dirPath, "rig-deploy.git");
        Directory.CreateDirectory(Path.Join(work, "bin"));
        var program = Path.Join(work, "bin", "rig-deploy");
        await File.WriteAllTextAsync(program, "#!/bin/sh\n# The demo's fleet agent: it only stays up.\nexec sleep 86400\n", cancellationToken);
        File.SetUnixFileMode(program, (UnixFileMode)0b111_101_101);

        // A private HOME and no system config: the demo must not read or change the user's git settings.
        var environment = ImmutableDictionary<string, string?>.Empty
            .Add("HOME", dirPath).Add("GIT_CONFIG_NOSYSTEM", "1").Add("GIT_TERMINAL_PROMPT", "0");
        async Task<string> GitAsync(params string[] arguments) =>
            (await runner.RunAsync(new CommandSpec
            {
                FileName = tools.PathOf(ToolNames.Git),
                Arguments = [.. arguments],
                Environment = environment,
                Timeout = TimeSpan.FromMinutes(2),
            }, cancellationToken)).StdoutTail.Trim();

        await GitAsync("init", "-q", work);
        await GitAsync("-C", work, "add", "-A");
        await GitAsync("-C", work, "-c", "user.name=rig-bootstrap demo", "-c", "user.email=demo@example.invalid", "commit", "-q", "-m", "rig-deploy for the demo");
        await GitAsync("clone", "-q", "--bare", work, bare);
        var sha = await GitAsync("-C", work, "rev-parse", "HEAD");
        return ("file://" + bare, sha);
    }
}
