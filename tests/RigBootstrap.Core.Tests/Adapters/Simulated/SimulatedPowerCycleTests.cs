using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Tests.Adapters.Simulated;

public sealed class SimulatedPowerCycleTests : IDisposable
{
    private const UnixFileMode Mode0644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly TempHostRoot _root = new();
    private readonly SimulatedMac _mac;
    private readonly SimulatedLaunchd _launchd;
    private readonly SimulatedPowerCycle _power;

    public SimulatedPowerCycleTests()
    {
        _mac = new SimulatedMac(_root.Paths);
        _launchd = new SimulatedLaunchd(_mac);
        _power = new SimulatedPowerCycle(_mac, _launchd);
    }

    public void Dispose() => _root.Dispose();

    private string WritePlist(string label, bool runAtLoad)
    {
        var definition = new LaunchDaemonDefinition { Label = label, ProgramArguments = ["/usr/local/bin/" + label], RunAtLoad = runAtLoad };
        Directory.CreateDirectory(_root.Paths.LaunchDaemonsDirPath);
        var plistPath = _root.Paths.LaunchDaemonPlistPath(label);
        File.WriteAllText(plistPath, PlistWriter.Write(definition.ToPlist()));
        File.SetUnixFileMode(plistPath, Mode0644);
        return plistPath;
    }

    [Fact]
    public async Task A_reboot_unloads_everything_starts_a_new_boot_and_loads_every_run_at_load_plist()
    {
        WritePlist("com.rig.bootstrap", runAtLoad: true);
        WritePlist("ai.invotek.rig-deploy", runAtLoad: true);
        var manual = WritePlist("com.example.on-demand", runAtLoad: false);
        await _launchd.LoadAsync("com.example.on-demand", manual, CancellationToken.None);
        var bootBefore = _mac.ReadBootId();

        var loaded = await _power.RebootAsync(CancellationToken.None);

        loaded.Should().Equal("ai.invotek.rig-deploy", "com.rig.bootstrap");
        _mac.ReadBootId().Should().NotBe(bootBefore);
        _mac.BootNumber.Should().Be(2);
        (await _launchd.GetStatusAsync("com.example.on-demand", CancellationToken.None)).Should().BeNull("a job loaded by hand does not survive a reboot");
        (await _launchd.GetStatusAsync("com.rig.bootstrap", CancellationToken.None))!.Runs.Should().Be(1);
    }

    [Fact]
    public async Task A_disabled_label_is_not_loaded_at_boot()
    {
        WritePlist("com.rig.bootstrap", runAtLoad: true);
        WritePlist("ai.invotek.rig-deploy", runAtLoad: true);
        Directory.CreateDirectory(_mac.DisabledJobsDirPath);
        File.WriteAllText(Path.Join(_mac.DisabledJobsDirPath, "ai.invotek.rig-deploy"), "");

        var loaded = await _power.RebootAsync(CancellationToken.None);

        loaded.Should().Equal("com.rig.bootstrap");
    }

    [Fact]
    public async Task A_plist_with_bad_permissions_is_skipped_at_boot_and_the_others_still_load()
    {
        var writable = WritePlist("ai.invotek.rig-deploy", runAtLoad: true);
        File.SetUnixFileMode(writable, Mode0644 | UnixFileMode.GroupWrite);
        WritePlist("com.rig.bootstrap", runAtLoad: true);

        var loaded = await _power.RebootAsync(CancellationToken.None);

        loaded.Should().Equal("com.rig.bootstrap");
    }

    [Fact]
    public async Task A_requested_reboot_is_carried_out_and_the_request_cleared()
    {
        await new SimulatedPower(_mac).RebootAsync("rebooting for autologin", CancellationToken.None);
        var requested = _mac.RebootRequested;

        await _power.RebootAsync(CancellationToken.None);

        requested.Should().BeTrue();
        _mac.RebootRequested.Should().BeFalse();
        _mac.ReadBootId().Should().Be("sim-boot-2");
    }
}
