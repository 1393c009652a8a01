using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class SoftwareUpdateToolTests : IDisposable
{
    private const string Password = "s3cret-owner-pw";
    private const string Label = "macOS Ventura 13.1-22C65";

    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly SoftwareUpdateTool _tool;

    public SoftwareUpdateToolTests() =>
        _tool = new SoftwareUpdateTool(_runner, new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty), TimeProvider.System);

    public void Dispose() => _toolsDir.Dispose();

    private string ToolPath(string name) => Path.Join(_toolsDir.Paths.RootDirPath, name);

    [Fact]
    public async Task The_product_version_comes_from_sw_vers_productVersion()
    {
        _runner.Then(0, "15.7.1\n");

        var version = await _tool.GetProductVersionAsync(CancellationToken.None);

        version.Should().Be(new MacOsVersion(15, 7, 1));
        _runner.Specs.Single().FileName.Should().Be(ToolPath("sw_vers"));
        _runner.Specs.Single().Arguments.Should().Equal("-productVersion");
    }

    [Fact]
    public async Task A_sw_vers_that_prints_no_version_throws_with_the_output_quoted()
    {
        _runner.Then(0, "ProductName:\tmacOS\n");

        var act = () => _tool.GetProductVersionAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<SoftwareUpdateException>()).WithMessage("*ProductName*not a macOS version*");
    }

    [Fact]
    public async Task The_list_reads_the_real_monterey_output_with_its_stderr_noise()
    {
        _runner.Then(0, MacOsFixtures.ReadText("softwareupdate-list-update-available-monterey.txt"));

        var updates = await _tool.ListAsync(CancellationToken.None);

        updates.Select(u => u.Label).Should().Equal("macOS Monterey 12.6.2-21G320", Label);
        updates[1].Deferred.Should().BeTrue();
        _runner.Specs.Single().FileName.Should().Be(ToolPath("softwareupdate"));
        _runner.Specs.Single().Arguments.Should().Equal("--list");
    }

    [Fact]
    public async Task Nothing_to_install_on_stderr_is_an_empty_list()
    {
        _runner.Then(0, "", MacOsFixtures.ReadText("softwareupdate-list-none.txt"));

        var updates = await _tool.ListAsync(CancellationToken.None);

        updates.Should().BeEmpty();
    }

    [Fact]
    public async Task The_volume_owner_is_passed_by_name_and_the_password_goes_on_stdin_only()
    {
        _runner.Then(0, "Software Update Tool\n\nFinding available software\n");

        await _tool.InstallAsync(Label, restart: true, new AccountCredentials("admin", Password), CancellationToken.None);

        var install = _runner.Specs.Single();
        install.FileName.Should().Be(ToolPath("softwareupdate"));
        install.Arguments.Should().Equal("--install", Label, "--agree-to-license", "--restart", "--user", "admin", "--stdinpass");
        install.StandardInput.ToString().Should().StartWith("stdin: text");
        install.Secrets.Should().Equal(Password);
        install.ToDisplayString().Should().NotContain(Password);
        install.Environment.Values.Should().NotContain(Password);
    }

    [Theory]
    [InlineData("1\n", true)]
    [InlineData("0\n", false)]
    public async Task The_architecture_comes_from_sysctl_hw_optional_arm64(string answer, bool appleSilicon)
    {
        _runner.Then(0, answer);

        var isAppleSilicon = await _tool.IsAppleSiliconAsync(CancellationToken.None);

        isAppleSilicon.Should().Be(appleSilicon);
        _runner.Specs.Single().FileName.Should().Be(ToolPath("sysctl"));
        _runner.Specs.Single().Arguments.Should().Equal("-n", "hw.optional.arm64");
    }

    [Fact]
    public async Task An_older_Intel_release_without_the_arm64_key_is_Intel()
    {
        _runner.Then(1, "", "sysctl: unknown oid 'hw.optional.arm64'\n");

        var isAppleSilicon = await _tool.IsAppleSiliconAsync(CancellationToken.None);

        isAppleSilicon.Should().BeFalse();
    }

    [Fact]
    public async Task Without_credentials_no_user_is_named_and_stdin_is_closed()
    {
        _runner.Then(0, "");

        await _tool.InstallAsync(Label, restart: true, volumeOwner: null, CancellationToken.None);

        _runner.Specs.Single().Arguments.Should().Equal("--install", Label, "--agree-to-license", "--restart");
        _runner.Specs.Single().StandardInput.ToString().Should().Be("stdin: none");
    }

    [Fact]
    public async Task A_refusal_under_sudo_on_Apple_Silicon_names_the_stdinpass_fix_and_is_not_retryable()
    {
        _runner.Then(1, "", MacOsFixtures.ReadText("softwareupdate-install-sudo-apple-silicon.txt"));

        var act = () => _tool.InstallAsync(Label, restart: true, volumeOwner: null, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<SoftwareUpdateException>()).Which;
        thrown.Outcome.Should().Be(SoftwareUpdateInstallOutcome.SudoRefusedOnAppleSilicon);
        thrown.Message.Should().Contain("--stdinpass");
        thrown.Retryable.Should().BeFalse();
    }

    [Fact]
    public async Task A_run_that_stops_at_Downloaded_is_reported_as_not_installed()
    {
        _runner.Then(0, MacOsFixtures.ReadText("softwareupdate-install-all-no-scan-bigsur.txt"));

        var act = () => _tool.InstallAsync("macOS Big Sur 11.1 Beta 2-20C5061b", restart: false, volumeOwner: null, CancellationToken.None);

        (await act.Should().ThrowAsync<SoftwareUpdateException>()).Which.Outcome.Should().Be(SoftwareUpdateInstallOutcome.DownloadedOnly);
        _runner.Specs.Single().Arguments.Should().NotContain("--restart");
    }

    [Fact]
    public async Task An_unrecognised_failure_quotes_stderr_and_may_be_retried()
    {
        _runner.Then(1, "", "Error downloading macOS: The network connection was lost.\n");

        var act = () => _tool.InstallAsync(Label, restart: true, volumeOwner: null, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<SoftwareUpdateException>()).Which;
        thrown.Message.Should().Contain("exited with 1").And.Contain("network connection was lost");
        thrown.Retryable.Should().BeTrue();
    }
}
