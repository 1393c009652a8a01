using System.Diagnostics;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Tests.Install;

public sealed class SystemdUnitFactoryTests
{
    [Fact]
    public void The_default_unit_matches_the_golden_file_byte_for_byte()
    {
        var unit = SystemdUnitFactory.Create(HostPaths.ForRoot("/"), 10, toolsDirPath: null);

        SystemdUnitWriter.Write(unit).Should().Be(File.ReadAllText(Path.Join(RepositoryRoot.Find(), "plists", "rig-bootstrap.service")));
    }

    [Fact]
    public void A_linux_config_writes_a_unit_under_etc_systemd_carrying_root_and_tools_dir()
    {
        var paths = HostPaths.ForRoot("/sim/host");

        var file = ServiceDefinitionFile.For(HostPlatform.Linux, paths, "com.rig.bootstrap", 10, "/sim/tools");

        file.Path.Should().Be("/sim/host/etc/systemd/system/com.rig.bootstrap.service");
        file.Content.Should().Contain("ExecStart=/sim/host/usr/local/libexec/rig-bootstrap/rig-bootstrap run --root /sim/host --tools-dir /sim/tools");
    }

    [Fact]
    public async Task The_unit_written_under_a_host_root_passes_systemd_analyze_verify()
    {
        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            Assert.Fail("systemd-analyze is missing: tests/run.sh installs the systemd package");
        }

        using var root = new TempHostRoot();
        var file = ServiceDefinitionFile.For(HostPlatform.Linux, root.Paths, "com.rig.bootstrap", 10, null);
        Directory.CreateDirectory(root.Paths.InstalledBinaryDirPath);
        await File.WriteAllTextAsync(root.Paths.InstalledBinaryPath, "#!/bin/sh\n");
        File.SetUnixFileMode(root.Paths.InstalledBinaryPath, (UnixFileMode)Convert.ToInt32("755", 8));
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        await File.WriteAllTextAsync(file.Path, file.Content);

        var (exitCode, output) = await RunAsync("/usr/bin/systemd-analyze", "verify", file.Path);

        // verify exits 0 on some warnings, so any line naming our unit counts as a failure too.
        exitCode.Should().Be(0, output);
        output.Should().NotContain("com.rig.bootstrap.service", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
