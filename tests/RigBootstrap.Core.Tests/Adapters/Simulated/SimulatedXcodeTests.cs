using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.Simulated;

public sealed class SimulatedXcodeTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly SimulatedXcode _xcode;

    public SimulatedXcodeTests() => _xcode = new SimulatedXcode(new SimulatedMac(_root.Paths));

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task An_install_is_a_bundle_under_Applications_named_as_xcodes_names_it()
    {
        var appPath = await _xcode.InstallAsync("16.2", XcodeInstallSource.Default, CancellationToken.None);

        appPath.Should().Be("/Applications/Xcode-16.2.0.app");
        Directory.Exists(_root.Paths.Resolve(appPath)).Should().BeTrue();
        (await _xcode.GetVersionAtAsync(appPath, CancellationToken.None))!.Version.Should().Be("16.2");
        (await _xcode.GetVersionAsync(CancellationToken.None)).Should().BeNull("installing does not select");
    }

    [Fact]
    public async Task Selecting_makes_xcodebuild_report_that_version()
    {
        var appPath = await _xcode.InstallAsync("16.2", XcodeInstallSource.Default, CancellationToken.None);

        await _xcode.SelectAsync(appPath, CancellationToken.None);

        (await _xcode.GetVersionAsync(CancellationToken.None))!.Version.Should().Be("16.2");
    }

    [Fact]
    public async Task Selecting_a_bundle_that_is_not_there_fails_like_xcode_select()
    {
        var act = () => _xcode.SelectAsync("/Applications/Xcode-1.0.0.app", CancellationToken.None);

        await act.Should().ThrowAsync<XcodeException>().WithMessage("*xcode-select -s*");
    }

    [Fact]
    public async Task The_license_needs_a_selected_Xcode_and_first_launch_needs_the_license()
    {
        (await _xcode.Invoking(x => x.AcceptLicenseAsync(CancellationToken.None)).Should().ThrowAsync<XcodeException>()).WithMessage("*requires Xcode*");
        var appPath = await _xcode.InstallAsync("16.2", XcodeInstallSource.Default, CancellationToken.None);
        await _xcode.SelectAsync(appPath, CancellationToken.None);
        (await _xcode.Invoking(x => x.RunFirstLaunchAsync(CancellationToken.None)).Should().ThrowAsync<XcodeException>()).WithMessage("*license*");

        await _xcode.AcceptLicenseAsync(CancellationToken.None);
        await _xcode.RunFirstLaunchAsync(CancellationToken.None);

        File.ReadAllText(_xcode.FirstLaunchPath).Trim().Should().Be(appPath);
    }

    [Fact]
    public async Task A_local_xip_that_is_not_there_fails_the_install()
    {
        var act = () => _xcode.InstallAsync("16.2", new XcodeInstallSource { XipPath = "/Users/Shared/Xcode_16.2.xip" }, CancellationToken.None);

        await act.Should().ThrowAsync<XcodeException>().WithMessage("*no such archive*");
    }
}
