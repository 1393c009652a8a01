using System.Diagnostics;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>The agent's plist against its golden file and the real plistutil, and its systemd unit against systemd-analyze.</summary>
public sealed class AgentServiceDefinitionTests
{
    private static readonly FirstDeployConfig Config = new()
    {
        Repository = "https://github.com/example/automate-e.git",
        Sha = "0123456789abcdef0123456789abcdef01234567",
        AgentLabel = "ai.invotek.rig-deploy",
    };

    private static readonly AgentConfig Agent = new() { User = "claude", Home = "/Users/claude" };

    [Fact]
    public void The_plist_for_the_design_example_is_a_LaunchAgent_in_the_users_library_matching_the_golden_file_byte_for_byte()
    {
        var definition = AgentServiceDefinition.For(HostPlatform.MacOs, HostPaths.ForRoot("/"), Config, Agent);

        definition.Path.Should().Be("/Users/claude/Library/LaunchAgents/ai.invotek.rig-deploy.plist");
        definition.Content.Should().Be(File.ReadAllText(Path.Join(RepositoryRoot.Find(), "plists", "rig-deploy.plist")));
    }

    [Fact]
    public async Task The_real_plistutil_reads_the_golden_plist()
    {
        using var scratch = new TempHostRoot();
        var binaryPath = Path.Join(scratch.Paths.RootDirPath, "rig-deploy.bplist");

        var output = await RunAsync("plistutil", "-i", Path.Join(RepositoryRoot.Find(), "plists", "rig-deploy.plist"), "-o", binaryPath, "-f", "bin");

        // plistutil can print "ERROR" and still exit 0, so the binary plist on disk is what proves it read the file.
        output.Should().NotContain("ERROR");
        File.Exists(binaryPath).Should().BeTrue(output);
        File.ReadAllBytes(binaryPath).AsSpan(0, 8).ToArray().Should().Equal("bplist00"u8.ToArray());
    }

    [Fact]
    public void Under_a_host_root_the_plist_names_the_rooted_program_home_and_log_paths()
    {
        var paths = HostPaths.ForRoot("/sim/host");

        var plist = AgentServiceDefinition.Plist(paths, new AgentLayout(paths, Agent.Home), Config, Agent);

        plist.ProgramArguments.Should().Equal("/sim/host/Users/claude/.rig/current/bin/rig-deploy");
        plist.WorkingDirectory.Should().Be("/sim/host/Users/claude/.rig/current");
        plist.EnvironmentVariables.Should().Contain(new KeyValuePair<string, string>("HOME", "/sim/host/Users/claude"));
        plist.StandardErrorPath.Should().Be("/sim/host/Library/Logs/rig-deploy/rig-deploy.err.log");
    }

    [Fact]
    public void The_agent_is_a_pull_loop_run_every_start_interval_in_its_users_session_with_no_user_name_or_keep_alive()
    {
        var paths = HostPaths.ForRoot("/");

        var plist = AgentServiceDefinition.Plist(paths, new AgentLayout(paths, Agent.Home), Config with { StartIntervalSeconds = 120 }, Agent);

        plist.StartIntervalSeconds.Should().Be(120);
        plist.RunAtLoad.Should().BeTrue();
        plist.UserName.Should().BeNull("launchd honours UserName only in the system domain");
        plist.KeepAliveUnlessSuccessfulExit.Should().BeFalse("each run exits; StartInterval starts the next");
    }

    [Fact]
    public async Task On_linux_the_agent_gets_a_unit_under_etc_systemd_that_runs_as_the_agent_and_passes_systemd_analyze_verify()
    {
        using var root = new TempHostRoot();
        var layout = new AgentLayout(root.Paths, Agent.Home);
        var definition = AgentServiceDefinition.For(HostPlatform.Linux, root.Paths, Config, Agent);
        Directory.CreateDirectory(Path.GetDirectoryName(layout.ProgramPath)!);
        await File.WriteAllTextAsync(layout.ProgramPath, "#!/bin/sh\n");
        File.SetUnixFileMode(layout.ProgramPath, (UnixFileMode)Convert.ToInt32("755", 8));
        Directory.CreateDirectory(Path.GetDirectoryName(definition.Path)!);
        await File.WriteAllTextAsync(definition.Path, definition.Content);

        var output = await RunAsync("systemd-analyze", "verify", definition.Path);

        definition.Path.Should().Be(root.Paths.SystemdUnitPath("ai.invotek.rig-deploy"));
        definition.Content.Should().Contain("\nUser=claude\n").And.Contain($"\nExecStart={layout.ProgramPath}\n");
        // verify exits 0 after some warnings, so any line naming the unit counts as a failure.
        output.Should().NotContain("ai.invotek.rig-deploy.service");
    }

    private static async Task<string> RunAsync(string toolName, params string[] arguments)
    {
        var toolPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Join(dir, toolName)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{toolName} is not on PATH; tests/run.sh installs it (libplist-utils, systemd)");
        var info = new ProcessStartInfo(toolPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        process.ExitCode.Should().Be(0, output);
        return output;
    }
}
