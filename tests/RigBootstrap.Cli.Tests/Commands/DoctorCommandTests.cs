using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>`doctor` against the published binary, on a simulated host whose tools are fakes in --tools-dir.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class DoctorCommandTests
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // The tool names of docs/design.md §6; launchctl, sysctl and shutdown are TempHost's own fakes.
    private static readonly string[] OtherTools =
    [
        "security", "sysadminctl", "softwareupdate", "sw_vers", "sqlite3", "xcodes", "xcodebuild",
        "xcode-select", "git", "defaults", "dscl", "id", "systemctl", "sh",
    ];

    private const string DeveloperId = "Developer ID Application: Example Corp (ABCDE12345)";

    private readonly RigBootstrapCli _cli;

    public DoctorCommandTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Doctor_on_a_sound_installed_host_finds_no_problem_and_exits_0()
    {
        // Arrange
        using var host = new TempHost();
        await InstallAsync(host);
        GiveTools(host, disabledLabel: null, fileVault: "FileVault is Off.");
        await RunFakeToolAsync(host, "codesign", "--force", "--options", "runtime", "--timestamp", "--sign", DeveloperId, host.InstalledBinaryPath);

        // Act
        var result = await _cli.RunAsync(["doctor", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().StartWith("rig-bootstrap doctor: ").And.NotContain("PROBLEM");
        result.Stdout.Should().Contain("com.rig.bootstrap not disabled in launchd");
        result.Stdout.Should().Contain($"signed by {DeveloperId}, team ABCDE12345")
            .And.Contain("no com.apple.quarantine attribute on the installed binary");
    }

    [Fact]
    public async Task Doctor_finds_a_modified_and_quarantined_binary_names_both_fixes_and_exits_69()
    {
        // Arrange: signed ad-hoc, then changed after signing, and downloaded by a browser.
        using var host = new TempHost();
        await InstallAsync(host);
        GiveTools(host, disabledLabel: null, fileVault: "FileVault is Off.");
        await RunFakeToolAsync(host, "codesign", "--sign", "-", host.InstalledBinaryPath);
        File.AppendAllText(host.InstalledBinaryPath, "patched");
        await RunFakeToolAsync(host, "xattr", "-w", "com.apple.quarantine", "0083;5991b778;Safari.app;BC4DFC58-0D26-460D-9688-81D119298642", host.InstalledBinaryPath);

        // Act
        var result = await _cli.RunAsync(["doctor", .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(69, result.Describe());
        result.Stdout.Should().Contain($"PROBLEM  code-signature    `codesign --verify --strict` rejects the installed binary: {host.InstalledBinaryPath}: invalid signature (code or signature have been modified)")
            .And.Contain($"fix: replace {host.InstalledBinaryPath} with an intact copy of a signed release");
        result.Stdout.Should().Contain("PROBLEM  quarantine        the installed binary carries com.apple.quarantine (0083;5991b778;Safari.app;")
            .And.Contain($"fix: `sudo xattr -d com.apple.quarantine {host.InstalledBinaryPath}`");
        host.ToolCalls("codesign").Should().Equal($"--sign - {host.InstalledBinaryPath}", $"--verify --strict {host.InstalledBinaryPath}");
    }

    [Fact]
    public async Task Doctor_warns_that_an_ad_hoc_signature_changes_with_every_release()
    {
        using var host = new TempHost();
        await InstallAsync(host);
        GiveTools(host, disabledLabel: null, fileVault: "FileVault is Off.");
        await RunFakeToolAsync(host, "codesign", "--sign", "-", host.InstalledBinaryPath);

        var result = await _cli.RunAsync(["doctor", .. host.HostArguments]);

        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().Contain("WARNING  code-signature    the installed binary's signature is valid but ad-hoc: its designated requirement is its cdhash")
            .And.Contain("fix: sign releases with a Developer ID (publish.ps1 -SigningIdentity; docs/signing.md)");
    }

    [Fact]
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
        lines.Should().Contain(l => l.StartsWith("  PROBLEM  code-signature", StringComparison.Ordinal) && l.EndsWith("code object is not signed at all. On Apple silicon the kernel kills a binary whose signature does not match, so launchd cannot run the daemon", StringComparison.Ordinal));
        FileSnapshot.Take(host.RootDirPath).Entries.Should().BeEquivalentTo(before.Entries, "doctor only reads");
    }

    [Fact]
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

    [Fact]
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

    /// <summary>Runs one of the fake macOS tools in the host's tools directory, as an operator or the release signing would.</summary>
    private static async Task RunFakeToolAsync(TempHost host, string tool, params string[] arguments)
    {
        using var process = ChildProcess.Start(Path.Join(host.ToolsDirPath, tool), arguments, new Dictionary<string, string?>());
        var result = await process.WaitAsync(TimeSpan.FromSeconds(30));
        result.ExitCode.Should().Be(0, result.Describe());
    }

    private static void WriteTool(TempHost host, string name, string body)
    {
        var path = Path.Join(host.ToolsDirPath, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, Executable);
    }
}
