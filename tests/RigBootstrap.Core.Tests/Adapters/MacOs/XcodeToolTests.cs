using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class XcodeToolTests : IDisposable
{
    private const string Password = "apple-id-pw-42";

    private readonly TempHostRoot _root = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly XcodeTool _tool;

    public XcodeToolTests() =>
        _tool = new XcodeTool(_runner, new ToolTable(Path.Join(_root.Paths.RootDirPath, "tools"), ImmutableDictionary<string, string>.Empty), _root.Paths);

    public void Dispose() => _root.Dispose();

    private string ToolPath(string name) => Path.Join(_root.Paths.RootDirPath, "tools", name);

    [Fact]
    public async Task The_selected_version_is_read_past_the_objc_warnings()
    {
        _runner.Then(0, MacOsFixtures.ReadText("xcodebuild-version-13.2.1-objc-warnings.txt"));

        var version = await _tool.GetVersionAsync(CancellationToken.None);

        version.Should().BeEquivalentTo(new XcodeVersionInfo { Version = "13.2.1", Build = "13C100" });
        _runner.Specs.Single().FileName.Should().Be(ToolPath("xcodebuild"));
        _runner.Specs.Single().Arguments.Should().Equal("-version");
    }

    [Fact]
    public async Task Without_a_full_Xcode_the_version_is_null()
    {
        _runner.Then(1, "", "xcode-select: error: tool 'xcodebuild' requires Xcode, but active developer directory is a command line tools instance\n");

        var version = await _tool.GetVersionAsync(CancellationToken.None);

        version.Should().BeNull();
    }

    [Fact]
    public async Task A_bundle_that_is_not_there_has_no_version_and_runs_nothing()
    {
        var version = await _tool.GetVersionAtAsync("/Applications/Xcode-16.2.0.app", CancellationToken.None);

        version.Should().BeNull();
        _runner.Specs.Should().BeEmpty();
    }

    [Fact]
    public async Task A_bundle_is_asked_through_DEVELOPER_DIR_without_changing_the_selection()
    {
        Directory.CreateDirectory(_root.Paths.Resolve("/Applications/Xcode-16.2.0.app"));
        _runner.Then(0, "Xcode 16.2\nBuild version 16C5032a\n");

        var version = await _tool.GetVersionAtAsync("/Applications/Xcode-16.2.0.app", CancellationToken.None);

        version!.Version.Should().Be("16.2");
        _runner.Specs.Single().Arguments.Should().Equal("-version");
        _runner.Specs.Single().Environment.Should().Contain("DEVELOPER_DIR", "/Applications/Xcode-16.2.0.app/Contents/Developer");
    }

    [Fact]
    public async Task Install_runs_xcodes_and_returns_the_path_from_its_last_line()
    {
        _runner.Then(0, MacOsFixtures.ReadText("xcodes-install-progress.txt"));

        var appPath = await _tool.InstallAsync("11.2.0", XcodeInstallSource.Default, CancellationToken.None);

        appPath.Should().Be("/Applications/Xcode-11.2.0.app");
        var spec = _runner.Specs.Single();
        spec.FileName.Should().Be(ToolPath("xcodes"));
        spec.Arguments.Should().Equal("install", "11.2.0");
        spec.Environment.Should().BeEmpty();
        spec.Timeout.Should().BeGreaterThanOrEqualTo(TimeSpan.FromHours(1), "a download and unxip take hours");
    }

    [Fact]
    public async Task A_local_xip_is_passed_with_path()
    {
        _runner.Then(0, "Xcode 16.2.0 has been installed to /Applications/Xcode-16.2.0.app\n");

        await _tool.InstallAsync("16.2", new XcodeInstallSource { XipPath = "/Users/Shared/Xcode_16.2.xip" }, CancellationToken.None);

        _runner.Specs.Single().Arguments.Should().Equal("install", "16.2", "--path", "/Users/Shared/Xcode_16.2.xip");
    }

    [Fact]
    public async Task An_Apple_ID_travels_in_the_environment_with_the_password_masked_and_never_in_argv()
    {
        _runner.Then(0, "Xcode 16.2.0 has been installed to /Applications/Xcode-16.2.0.app\n");

        await _tool.InstallAsync("16.2", new XcodeInstallSource { AppleId = new AccountCredentials("ci@example.com", Password) }, CancellationToken.None);

        var spec = _runner.Specs.Single();
        spec.Arguments.Should().NotContain(a => a.Contains(Password));
        spec.Environment.Should().Contain("XCODES_USERNAME", "ci@example.com").And.Contain("XCODES_PASSWORD", Password);
        spec.Secrets.Should().Equal(Password);
        spec.ToDisplayString().Should().NotContain(Password);
    }

    [Fact]
    public async Task A_failed_install_names_the_unattended_sign_in_problem()
    {
        _runner.Then(1, "", "Error: Missing username or a password. Please try again.\n");

        var act = () => _tool.InstallAsync("16.2", XcodeInstallSource.Default, CancellationToken.None);

        (await act.Should().ThrowAsync<XcodeException>()).WithMessage("*exited with 1*Missing username*.xip*");
    }

    [Fact]
    public async Task An_install_that_never_says_where_it_installed_is_an_error()
    {
        _runner.Then(0, "(1/6) Downloading Xcode 16.2.0: 40%\n");

        var act = () => _tool.InstallAsync("16.2", XcodeInstallSource.Default, CancellationToken.None);

        (await act.Should().ThrowAsync<XcodeException>()).WithMessage("*(1/6)*");
    }

    [Fact]
    public async Task Select_license_and_first_launch_run_their_exact_commands()
    {
        await _tool.SelectAsync("/Applications/Xcode-16.2.0.app", CancellationToken.None);
        await _tool.AcceptLicenseAsync(CancellationToken.None);
        await _tool.RunFirstLaunchAsync(CancellationToken.None);

        _runner.Specs.Select(s => Path.GetFileName(s.FileName)).Should().Equal("xcode-select", "xcodebuild", "xcodebuild");
        _runner.Specs[0].Arguments.Should().Equal("-s", "/Applications/Xcode-16.2.0.app");
        _runner.Specs[1].Arguments.Should().Equal("-license", "accept");
        _runner.Specs[2].Arguments.Should().Equal("-runFirstLaunch");
    }

    [Fact]
    public async Task A_refused_license_says_what_xcodebuild_said()
    {
        _runner.Then(1, "", "xcodebuild: error: This command must be run as root.\n");

        var act = () => _tool.AcceptLicenseAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<XcodeException>()).WithMessage("xcodebuild -license accept exited with 1*must be run as root*");
    }
}
