using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>`doctor` against the published binary, on a simulated host whose tools are fakes in --tools-dir.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class DoctorCommandTests
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // The tool names of DESIGN §6; launchctl, sysctl and shutdown are TempHost's own fakes.
    private static readonly string[] OtherTools =
    [
        "security", "sysadminctl", "softwareupdate", "sw_vers", "sqlite3", "xcodes", "xcodebuild",
        "xcode-select", "git", "defaults", "dscl", "id", "systemctl", "sh",
    ];

    private readonly RigBootstrapCli _cli;

    public DoctorCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact(Timeout = 120000)]
    public async Task Doctor_on_a_sound_installed_host_finds_no_problem_and_exits_0()
    {
        // Arrange
        using var host = new TempHost();
        await InstallAsync(host);
        GiveTools(host, disabledLabel: null, fileVault: "FileVault is Off.");

        // Act
        var result = await _cli.RunAsync(["doctor", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().StartWith("rig-bootstrap doctor: ").And.NotContain("PROBLEM");
        result.Stdout.Should().Contain("com.rig.bootstrap not disabled in launchd");
    }

    [Fact(Timeout = 120000)]
    public async Task Doctor_finds_the_disabled_daemon_and_FileVault_on_names_each_fix_exits_69_and_changes_nothing()
    {
        // Arrange
        using var host = new TempHost();
        await InstallAsync(host);
        GiveTools(host, disabledLabel: "com.rig.bootstrap", fileVault: "FileVault is On.");
        var before = FileSnapshot.Take(host.RootDirPath);

        // Act
        var result = await _cli.RunAsync(["doctor", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(69, result.Describe());
        var lines = result.Stdout.Split('\n');
        lines.Should().Contain(l => l.StartsWith("  PROBLEM  background-tasks  launchd has com.rig.bootstrap disabled", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Trim().StartsWith("fix: `sudo launchctl enable system/com.rig.bootstrap`", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("  WARNING  filevault", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("fix: every reboot needs `fdesetup authrestart`", StringComparison.Ordinal));
        FileSnapshot.Take(host.RootDirPath).Entries.Should().BeEquivalentTo(before.Entries, "doctor only reads");
    }

    [Fact(Timeout = 120000)]
    public async Task Doctor_names_the_chmod_for_a_config_others_can_write_and_exits_69()
    {
        // Arrange
        using var host = new TempHost();
        await InstallAsync(host);
        GiveTools(host, disabledLabel: null, fileVault: "FileVault is Off.");
        File.SetUnixFileMode(host.InstalledConfigPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite);

        // Act
        var result = await _cli.RunAsync(["doctor", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(69, result.Describe());
        result.Stdout.Should().Contain($"PROBLEM  file-hygiene      the config {host.InstalledConfigPath} is writable by group or others")
            .And.Contain($"fix: `chmod 0600 {host.InstalledConfigPath}`");
    }

    [Fact(Timeout = 120000)]
    public async Task Doctor_with_an_invalid_config_exits_78_naming_the_field()
    {
        using var host = new TempHost();
        var config = host.WriteFile("config.json", """{ "agent": { "user": "rig" } }""");

        var result = await _cli.RunAsync(["doctor", "--config", config, .. host.HostArguments]);

        result.ExitCode.Should().Be(78, result.Describe());
        result.Stderr.Should().Contain("agent.home");
    }

    private async Task InstallAsync(TempHost host)
    {
        var install = await _cli.RunAsync(["install", "--config", host.WriteFile("config.json", TestConfigs.HaltsOnSecondStep), .. host.HostArguments]);
        install.ExitCode.Should().Be(0, install.Describe());
    }

    /// <summary>Puts every other tool in place, an fdesetup that reports <paramref name="fileVault"/>, and a launchctl that also answers print-disabled.</summary>
    private static void GiveTools(TempHost host, string? disabledLabel, string fileVault)
    {
        foreach (var name in OtherTools)
        {
            WriteTool(host, name, "exit 0");
        }

        WriteTool(host, "fdesetup", $"echo '{fileVault}'");
        File.Move(Path.Join(host.ToolsDirPath, "launchctl"), Path.Join(host.ToolsDirPath, "launchctl-registry"));
        var disabled = disabledLabel is null ? "" : $"\"{disabledLabel}\" => disabled";
        WriteTool(host, "launchctl", $$"""
            if [ "$1" = print-disabled ]; then
              printf 'disabled services = {\n\t"com.apple.ftpd" => disabled\n\t{{disabled}}\n}\n'
              exit 0
            fi
            exec "$(dirname "$0")/launchctl-registry" "$@"
            """);
    }

    private static void WriteTool(TempHost host, string name, string body)
    {
        var path = Path.Join(host.ToolsDirPath, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, Executable);
    }
}
