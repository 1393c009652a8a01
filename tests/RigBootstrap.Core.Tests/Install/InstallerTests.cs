using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Install;

public sealed class InstallerTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("rig-config-").FullName;

    public void Dispose()
    {
        _root.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private SimulatedHost Host() => new(_root.Paths, TimeProvider.System, NullLoggerFactory.Instance);

    private string FakeBinary()
    {
        var path = Path.Join(_outside, "rig-bootstrap");
        File.WriteAllText(path, "#!/bin/sh\n");
        return path;
    }

    [Fact]
    public async Task Install_writes_binary_config_state_and_plist_with_their_modes_and_loads_the_daemon()
    {
        var host = Host();

        var result = await new Installer(host.Services).InstallAsync(Configs.Write(_outside, Configs.TwoCommands), FakeBinary(), "test", CancellationToken.None);

        result.Changed.Should().BeTrue();
        var paths = _root.Paths;
        File.GetUnixFileMode(paths.InstalledBinaryPath).Should().Be((UnixFileMode)Convert.ToInt32("755", 8));
        File.GetUnixFileMode(paths.ConfigPath).Should().Be((UnixFileMode)Convert.ToInt32("600", 8));
        File.GetUnixFileMode(paths.LaunchDaemonPlistPath("com.rig.bootstrap")).Should().Be((UnixFileMode)Convert.ToInt32("644", 8));
        new StateFileStore(paths).Load().State!.Workflow.State.Should().Be(WorkflowState.Installed);
        (await host.Launchd.GetStatusAsync("com.rig.bootstrap", CancellationToken.None)).Should().NotBeNull();
        File.ReadAllText(paths.LaunchDaemonPlistPath("com.rig.bootstrap")).Should().Contain("<string>--root</string>");
    }

    [Fact]
    public async Task Installing_again_reports_the_state_and_changes_nothing()
    {
        var config = Configs.Write(_outside, Configs.TwoCommands);
        var binary = FakeBinary();
        await new Installer(Host().Services).InstallAsync(config, binary, "test", CancellationToken.None);
        var before = _root.Files().ToDictionary(f => f, f => File.ReadAllBytes(Path.Join(_root.Paths.RootDirPath, f)));

        var again = await new Installer(Host().Services).InstallAsync(config, binary, "test", CancellationToken.None);

        again.Changed.Should().BeFalse();
        again.Message.Should().Contain("already installed");
        _root.Files().ToDictionary(f => f, f => File.ReadAllBytes(Path.Join(_root.Paths.RootDirPath, f))).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("""{ "agent": { "user": "rig", "home": "/Users/rig" }, "commands": [], "colour": "blue" }""", "colour")]
    [InlineData("""{ "commands": [ { "id": "a", "run": ["/bin/true"] } ] }""", "agent")]
    [InlineData("""{ "agent": { "user": "rig", "home": "/Users/rig" }, "commands": [ { "id": "a", "run": ["/bin/true"] }, { "id": "a", "run": ["/bin/true"] } ] }""", "commands[1].id")]
    [InlineData("""{ "agent": { "user": "rig", "home": "/Users/rig" }, "steps": { "osUpgrade": { "minimumVersion": "fifteen" } } }""", "steps.osUpgrade.minimumVersion")]
    public async Task A_bad_config_is_refused_naming_the_field_and_nothing_is_created_under_the_root(string json, string field)
    {
        var config = Configs.Write(_outside, json);

        var act = () => new Installer(Host().Services).InstallAsync(config, FakeBinary(), "test", CancellationToken.None);

        (await act.Should().ThrowAsync<ConfigException>()).Which.Errors.Should().Contain(e => e.FieldPath == field);
        _root.Files().Should().BeEmpty();
    }

    [Fact]
    public async Task A_macos_only_step_in_a_linux_config_is_refused_before_anything_is_created()
    {
        var config = Configs.Write(_outside, """{ "platform": "linux", "agent": { "user": "rig", "home": "/Users/rig" }, "steps": { "xcode": { "version": "16.2" } } }""");

        var act = () => new Installer(Host().Services).InstallAsync(config, FakeBinary(), "test", CancellationToken.None);

        (await act.Should().ThrowAsync<ConfigException>()).Which.Message.Should().Contain("steps.xcode is macOS-only");
        _root.Files().Should().BeEmpty();
    }
}
