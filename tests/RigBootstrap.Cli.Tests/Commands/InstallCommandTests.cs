using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

[Collection(PublishedBinaryCollection.Name)]
public sealed class InstallCommandTests
{
    private readonly RigBootstrapCli _cli;

    public InstallCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Install_writes_a_plist_plistutil_accepts_whose_ProgramArguments_carry_the_root_and_tools_dir()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep);

        // Act
        var result = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        var plist = await Plistutil.RoundTripAsync(host.PlistPath(), host.DirPath);
        Plistutil.StringArray(plist, "ProgramArguments").Should().Equal(
            host.InstalledBinaryPath, "run", "--root", host.RootDirPath, "--tools-dir", host.ToolsDirPath);
        host.LaunchctlCalls().Should().Equal(
            $"print system/{TempHost.DefaultLabel}",
            $"enable system/{TempHost.DefaultLabel}",
            $"bootstrap system {host.PlistPath()}");
    }

    [Fact]
    public async Task Install_gives_the_binary_mode_0755_the_plist_0644_and_the_config_0600()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep);

        // Act
        var result = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        Mode(host.InstalledBinaryPath).Should().Be("755");
        Mode(host.PlistPath()).Should().Be("644");
        Mode(host.InstalledConfigPath).Should().Be("600", "the config may name secrets");
        File.ReadAllText(host.InstalledConfigPath).Should().Be(TestConfigs.HaltsOnSecondStep);
    }

    [Fact]
    public async Task Install_a_second_time_exits_0_says_already_installed_and_changes_no_file()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep);
        (await _cli.RunAsync(["install", "--config", config, .. host.HostArguments])).ExitCode.Should().Be(0);
        var before = FileSnapshot.Take(host.RootDirPath);

        // Act
        var result = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().Contain("already installed");
        FileSnapshot.Take(host.RootDirPath).Entries.Should().BeEquivalentTo(before.Entries);
        host.LaunchctlCalls().Count(call => call.StartsWith("bootstrap", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task Twenty_parallel_installs_on_a_fresh_root_all_exit_0_and_bootstrap_the_daemon_exactly_once()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep);
        string[] install = ["install", "--config", config, .. host.HostArguments];

        // Act: start them all before waiting for any, so they race for the install lock.
        var children = Enumerable.Range(0, 20).Select(_ => _cli.Start(install)).ToList();
        CliResult[] results;
        try
        {
            results = await Task.WhenAll(children.Select(child => child.WaitAsync(RigBootstrapCli.RunTimeout)));
        }
        finally
        {
            children.ForEach(child => child.Dispose());
        }

        // Assert
        results.Where(r => r.ExitCode != 0).Select(r => r.Describe()).Should().BeEmpty();
        host.LaunchctlCalls().Where(call => call.StartsWith("bootstrap", StringComparison.Ordinal)).Should().ContainSingle();
        results.Count(r => r.Stdout.Contains("already installed", StringComparison.Ordinal)).Should().Be(19);
    }

    [Fact]
    public async Task Install_rides_out_launchds_transient_input_output_error_and_loads_the_daemon_once()
    {
        // Arrange: launchd answers `5: Input/output error` while an old job drains (the fixture's exact words).
        using var host = new TempHost();
        var config = host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep);
        host.WriteToolFile("launchctl.eio", "2\n");

        // Act
        var result = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        host.LaunchctlCalls().Count(call => call.StartsWith("bootstrap", StringComparison.Ordinal)).Should().Be(3, "two refusals, then the load");
        File.ReadAllLines(Path.Join(host.ToolsDirPath, "launchctl.loaded")).Should().Equal(TempHost.DefaultLabel);
    }

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);
}
