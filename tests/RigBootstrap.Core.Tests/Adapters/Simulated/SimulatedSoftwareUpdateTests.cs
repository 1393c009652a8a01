using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.Simulated;

public sealed class SimulatedSoftwareUpdateTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly SimulatedMac _mac;
    private readonly SimulatedSoftwareUpdate _softwareUpdate;

    public SimulatedSoftwareUpdateTests()
    {
        _mac = new SimulatedMac(_root.Paths);
        _softwareUpdate = new SimulatedSoftwareUpdate(_mac, new MacOsVersion(15, 0), [new MacOsVersion(14, 7), new MacOsVersion(15, 1), new MacOsVersion(15, 2)]);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_fresh_Mac_runs_its_start_version_and_is_offered_only_newer_macOS()
    {
        var version = await _softwareUpdate.GetProductVersionAsync(CancellationToken.None);
        var offered = await _softwareUpdate.ListAsync(CancellationToken.None);

        version.Should().Be(new MacOsVersion(15, 0));
        offered.Select(u => u.Version).Should().Equal("15.1", "15.2");
        offered.Should().OnlyContain(u => u.Title.StartsWith("macOS ") && u.Action == SoftwareUpdateAction.Restart);
        File.Exists(_softwareUpdate.CatalogPath).Should().BeTrue("the catalog is a file an operator may edit");
    }

    [Fact]
    public async Task An_install_with_restart_asks_for_a_reboot_and_lands_only_at_the_next_boot()
    {
        var update = (await _softwareUpdate.ListAsync(CancellationToken.None))[0];

        await _softwareUpdate.InstallAsync(update.Label, restart: true, volumeOwner: null, CancellationToken.None);

        _mac.RebootRequested.Should().BeTrue();
        (await _softwareUpdate.GetProductVersionAsync(CancellationToken.None)).Should().Be(new MacOsVersion(15, 0));
        _softwareUpdate.ApplyPendingAtBoot();
        (await _softwareUpdate.GetProductVersionAsync(CancellationToken.None)).Should().Be(new MacOsVersion(15, 1));
        File.Exists(_softwareUpdate.PendingPath).Should().BeFalse();
    }

    [Fact]
    public void A_boot_with_nothing_pending_changes_nothing()
    {
        _softwareUpdate.ApplyPendingAtBoot();

        _root.Files().Should().BeEmpty();
    }

    [Fact]
    public async Task Without_restart_the_update_is_only_downloaded_as_on_a_real_Mac()
    {
        var update = (await _softwareUpdate.ListAsync(CancellationToken.None))[0];

        var act = () => _softwareUpdate.InstallAsync(update.Label, restart: false, volumeOwner: null, CancellationToken.None);

        (await act.Should().ThrowAsync<SoftwareUpdateException>()).Which.Outcome.Should().Be(SoftwareUpdateInstallOutcome.DownloadedOnly);
        _mac.RebootRequested.Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_label_has_nothing_to_install()
    {
        var act = () => _softwareUpdate.InstallAsync("macOS Nope 99-X", restart: true, volumeOwner: null, CancellationToken.None);

        (await act.Should().ThrowAsync<SoftwareUpdateException>()).Which.Outcome.Should().Be(SoftwareUpdateInstallOutcome.NothingToInstall);
    }

    [Fact]
    public async Task A_catalog_line_marked_deferred_is_offered_as_deferred()
    {
        Directory.CreateDirectory(_softwareUpdate.DirPath);
        File.WriteAllText(_softwareUpdate.CatalogPath, "# seeded by hand\n15.1 deferred\n15.2\n");

        var offered = await _softwareUpdate.ListAsync(CancellationToken.None);

        offered.Select(u => (u.Version, u.Deferred)).Should().Equal(("15.1", true), ("15.2", false));
    }
}
