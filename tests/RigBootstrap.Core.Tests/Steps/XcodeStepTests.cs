using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Downloads;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

public sealed class XcodeStepTests : IDisposable
{
    private const string XipPath = "/Users/Shared/Xcode_16.2.xip";
    private readonly TempHostRoot _root = new();
    private readonly PersistedFacts _facts = new();
    private readonly SimulatedXcode _simulated;
    private readonly CountingXcode _xcode;

    public XcodeStepTests()
    {
        _simulated = new SimulatedXcode(new SimulatedMac(_root.Paths));
        _xcode = new CountingXcode(_simulated);
    }

    public void Dispose() => _root.Dispose();

    private XcodeStep Step(string version = "16.2", string? sha256 = null, ImmutableArray<string> platforms = default) =>
        new(new XcodeConfig { Version = version, Platforms = platforms.IsDefault ? [] : platforms, Xip = new XipSourceConfig { Path = XipPath, Sha256 = sha256 ?? SimulatedXipArchive.DemoSha256 } },
            "rig", [BuiltInStepIds.OsUpgrade], _xcode, _root.Paths, new XipArchiveSource(new XipSourceConfig { Path = XipPath, Sha256 = sha256 ?? SimulatedXipArchive.DemoSha256 }, version, _root.Paths, null));

    private XcodeStep XcodesStep(AccountSecret appleId) =>
        new(new XcodeConfig { Version = "16.2", Xcodes = new XcodesAccountConfig { AppleId = appleId.User, PasswordSecret = appleId.PasswordSecret } },
            "rig", [BuiltInStepIds.OsUpgrade, BuiltInStepIds.Secrets], _xcode, _root.Paths, archive: null, appleId);

    private void PlaceArchive(string text)
    {
        Directory.CreateDirectory(_root.Paths.Resolve("/Users/Shared"));
        File.WriteAllText(_root.Paths.Resolve(XipPath), text);
    }

    [Fact]
    public async Task A_fresh_host_expands_the_archive_renames_it_into_place_and_sets_everything_up()
    {
        PlaceArchive(SimulatedXipArchive.DemoText);
        var step = Step(platforms: ["iOS", "watchOS"]);

        (await step.ProbeAsync(_facts.NewContext(step.Id), CancellationToken.None)).Should().BeFalse();
        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);
        var verified = await step.VerifyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        result.Should().Be(ApplyResult.Succeeded);
        verified.Should().Be(VerifyResult.Passed);
        _facts.Facts[XcodeStep.AppPathFact].Should().Be("/Applications/Xcode-16.2.0.app");
        File.ReadAllText(_simulated.FirstLaunchPath).Trim().Should().Be("/Applications/Xcode-16.2.0.app");
        File.Exists(_simulated.DevToolsSecurityPath).Should().BeTrue();
        File.ReadAllLines(_simulated.DeveloperGroupPath).Should().Equal("rig");
        File.ReadAllLines(_simulated.PlatformsPath).Should().Equal("iOS", "watchOS");
        Directory.Exists(_root.Paths.Resolve(HostPaths.XcodeStagingLocation)).Should().BeFalse("the staging dir is removed after the rename");
        File.Exists(_root.Paths.Resolve(XipPath)).Should().BeTrue("an archive the operator placed is theirs to remove");
        step.DependsOn.Should().Equal(BuiltInStepIds.OsUpgrade);
        _xcode.Expands.Should().Be(1);
    }

    [Fact]
    public async Task The_pinned_version_already_selected_is_satisfied_only_once_its_platforms_are_recorded()
    {
        PlaceArchive(SimulatedXipArchive.DemoText);
        await _simulated.SelectAsync(await _simulated.InstallAsync("16.2", XcodeInstallSource.Default, CancellationToken.None), CancellationToken.None);

        (await Step().ProbeAsync(_facts.NewContext(BuiltInStepIds.Xcode), CancellationToken.None)).Should().BeTrue();
        var withPlatform = Step(platforms: ["iOS"]);
        (await withPlatform.ProbeAsync(_facts.NewContext(BuiltInStepIds.Xcode), CancellationToken.None)).Should().BeFalse();
        (await withPlatform.ApplyAsync(_facts.NewContext(BuiltInStepIds.Xcode), CancellationToken.None)).Should().Be(ApplyResult.Succeeded);
        _xcode.Expands.Should().Be(0, "the selected Xcode is the pinned one; only its platform was missing");
        (await withPlatform.ProbeAsync(_facts.NewContext(BuiltInStepIds.Xcode), CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task Another_selected_version_is_not_satisfied_and_fails_verification_naming_both()
    {
        await _simulated.SelectAsync(await _simulated.InstallAsync("15.4", XcodeInstallSource.Default, CancellationToken.None), CancellationToken.None);
        var step = Step();

        (await step.ProbeAsync(_facts.NewContext(step.Id), CancellationToken.None)).Should().BeFalse();
        var verified = await step.VerifyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        verified.Problem.Should().Contain("Xcode 15.4").And.Contain("pinned 16.2");
    }

    [Fact]
    public async Task A_bundle_renamed_into_place_before_a_power_cut_could_record_it_is_found_and_not_expanded_again()
    {
        // Arrange: the rename happened, then the power went before the step kept the bundle's path as a fact.
        await _simulated.InstallAsync("16.2", XcodeInstallSource.Default, CancellationToken.None);
        var step = Step();

        // Act
        var result = await step.ApplyAsync(_facts.NewContext(step.Id, attempt: 2), CancellationToken.None);

        // Assert
        result.Should().Be(ApplyResult.Succeeded);
        _xcode.Expands.Should().Be(0, "the bundle at /Applications/Xcode-16.2.0.app already reports 16.2");
        (await step.VerifyAsync(_facts.NewContext(step.Id), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact]
    public async Task A_crash_mid_expand_leaves_only_the_staging_dir_which_the_retry_empties_before_expanding_again()
    {
        // Arrange: a half-expanded bundle in staging, nothing at the final name.
        PlaceArchive(SimulatedXipArchive.DemoText);
        var half = Path.Join(_root.Paths.Resolve(HostPaths.XcodeStagingLocation), "Xcode.app", "Contents", "Frameworks");
        Directory.CreateDirectory(half);
        File.WriteAllText(Path.Join(half, "partial.bin"), "half");
        var step = Step();

        // Act
        var result = await step.ApplyAsync(_facts.NewContext(step.Id, attempt: 2), CancellationToken.None);

        // Assert
        result.Should().Be(ApplyResult.Succeeded);
        File.Exists(_root.Paths.Resolve("/Applications/Xcode-16.2.0.app/Contents/Frameworks/partial.bin")).Should().BeFalse();
        Directory.Exists(_root.Paths.Resolve(HostPaths.XcodeStagingLocation)).Should().BeFalse();
    }

    [Fact]
    public async Task A_retry_reuses_the_recorded_bundle_and_skips_recorded_platforms()
    {
        PlaceArchive(SimulatedXipArchive.DemoText);
        var step = Step(platforms: ["iOS"]);
        await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);
        File.Delete(_simulated.SelectionPath);

        var again = await step.ApplyAsync(_facts.NewContext(step.Id, attempt: 2), CancellationToken.None);

        again.Should().Be(ApplyResult.Succeeded);
        _xcode.Expands.Should().Be(1);
        _xcode.Platforms.Should().Be(1);
        (await step.VerifyAsync(_facts.NewContext(step.Id), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact]
    public async Task A_missing_archive_is_waited_for_naming_its_path()
    {
        var step = Step();

        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Contain(XipPath).And.Contain("steps.xcode.xip.path");
        _xcode.Expands.Should().Be(0);
    }

    [Fact]
    public async Task An_archive_with_another_hash_is_refused_before_anything_is_installed_naming_both_hashes()
    {
        PlaceArchive(SimulatedXipArchive.Create("16.2", "16C5032a", "tampered"));
        var step = Step();

        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Which;
        fail.Reason.Should().Contain(SimulatedXipArchive.DemoSha256).And.Contain(SimulatedXipArchive.Sha256Of(SimulatedXipArchive.Create("16.2", "16C5032a", "tampered"))).And.Contain(XipPath);
        fail.Retryable.Should().BeFalse();
        _xcode.Expands.Should().Be(0);
    }

    [Fact]
    public async Task An_archive_of_another_version_is_not_renamed_into_place()
    {
        var other = SimulatedXipArchive.Create("16.1", "16B40");
        PlaceArchive(other);
        var step = Step(sha256: SimulatedXipArchive.Sha256Of(other));

        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.Fail>().Which.Reason.Should().Contain("holds Xcode 16.1, not 16.2");
        Directory.Exists(_root.Paths.Resolve("/Applications/Xcode-16.2.0.app")).Should().BeFalse();
        Directory.Exists(_root.Paths.Resolve(HostPaths.XcodeStagingLocation)).Should().BeFalse();
    }

    [Fact]
    public async Task A_url_is_downloaded_in_the_background_while_the_step_waits_with_its_progress_then_installed()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(SimulatedXipArchive.Create("16.2", "16C5032a", new string('x', 512 * 1024)));
        await using var server = new RangeServer(bytes, bytesPerSecond: 1024 * 1024);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var source = new XipSourceConfig { Url = server.Url.AbsoluteUri, Sha256 = sha };
        using var client = new HttpClient();
        var archive = new XipArchiveSource(source, "16.2", _root.Paths, new ResumableDownload(client, TimeProvider.System));
        var step = new XcodeStep(new XcodeConfig { Version = "16.2", Xip = source }, "rig", [], _xcode, _root.Paths, archive);

        // Act: the first look starts the download and waits; later looks wait until it is done.
        var first = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);
        await server.WaitForBytesServedAsync(bytes.Length, TimeSpan.FromSeconds(20));
        ApplyResult result;
        do
        {
            result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);
        }
        while (result is ApplyResult.WaitUntil);

        // Assert
        var wait = first.Should().BeOfType<ApplyResult.WaitUntil>().Which;
        wait.Reason.Should().Be($"downloading Xcode 16.2 from {server.Url}");
        wait.RetryAfter.Should().Be(TimeSpan.FromSeconds(5));
        result.Should().Be(ApplyResult.Succeeded);
        _facts.Facts[XcodeStep.AppPathFact].Should().Be("/Applications/Xcode-16.2.0.app");
        Directory.GetFiles(_root.Paths.DownloadsDirPath).Should().BeEmpty("the archive is deleted once the bundle is recorded");
    }

    [Fact]
    public async Task A_url_whose_bytes_hash_otherwise_fails_the_attempt_naming_the_url_and_both_hashes()
    {
        var bytes = Encoding.UTF8.GetBytes(SimulatedXipArchive.DemoText);
        await using var server = new RangeServer(bytes);
        var pinned = new string('a', 64);
        var source = new XipSourceConfig { Url = server.Url.AbsoluteUri, Sha256 = pinned };
        using var client = new HttpClient();
        var archive = new XipArchiveSource(source, "16.2", _root.Paths, new ResumableDownload(client, TimeProvider.System));
        var step = new XcodeStep(new XcodeConfig { Version = "16.2", Xip = source }, "rig", [], _xcode, _root.Paths, archive);
        await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);
        await server.WaitForBytesServedAsync(bytes.Length, TimeSpan.FromSeconds(20));

        ApplyResult result;
        do
        {
            result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);
        }
        while (result is ApplyResult.WaitUntil);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Which;
        fail.Retryable.Should().BeTrue("a new download may get the right bytes; the attempt budget bounds it");
        fail.Reason.Should().Contain(server.Url.AbsoluteUri).And.Contain(pinned).And.Contain(SimulatedXipArchive.DemoSha256);
        _xcode.Expands.Should().Be(0);
    }

    [Fact]
    public async Task A_missing_Apple_ID_secret_fails_before_xcodes_runs()
    {
        var step = XcodesStep(new AccountSecret("ci@example.com", "APPLE_ID_PASSWORD", new NoSecrets()));

        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.Fail>().Which.Reason.Should().Contain("APPLE_ID_PASSWORD");
        _xcode.Installs.Should().Be(0);
    }

    [Fact]
    public async Task With_an_Apple_ID_xcodes_installs_and_gets_the_credentials()
    {
        var step = XcodesStep(new AccountSecret("ci@example.com", "APPLE_ID_PASSWORD", new OneSecret("APPLE_ID_PASSWORD", "hunter2")));

        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        result.Should().Be(ApplyResult.Succeeded);
        _xcode.LastSource!.AppleId.Should().Be(new AccountCredentials("ci@example.com", "hunter2"));
        _facts.Facts[XcodeStep.AppPathFact].Should().Be("/Applications/Xcode-16.2.0.app");
    }

    [Theory]
    [InlineData("16.2", "16.2", null, true)]
    [InlineData("16.2.0", "16.2", null, true)]
    [InlineData("16.2", "16.2.1", null, false)]
    [InlineData("16", "16", "beta6", false)]
    [InlineData("16 beta 6", "16", "beta6", true)]
    [InlineData("16.2", "16.3", null, false)]
    [InlineData("latest", "16.2", null, false)]
    public void The_pinned_version_matches_by_number_and_qualifier(string pinned, string version, string? qualifier, bool matches)
    {
        var reported = new XcodeVersionInfo { Version = version, Qualifier = qualifier, Build = "16C5032a" };

        XcodeStep.Matches(pinned, reported).Should().Be(matches);
    }

    /// <summary>The simulated Xcode, counting installs, expands and platform downloads.</summary>
    private sealed class CountingXcode(IXcode inner) : IXcode
    {
        public int Installs { get; private set; }

        public int Expands { get; private set; }

        public int Platforms { get; private set; }

        public XcodeInstallSource? LastSource { get; private set; }

        public Task<XcodeVersionInfo?> GetVersionAsync(CancellationToken cancellationToken) => inner.GetVersionAsync(cancellationToken);

        public Task<XcodeVersionInfo?> GetVersionAtAsync(string appPath, CancellationToken cancellationToken) => inner.GetVersionAtAsync(appPath, cancellationToken);

        public Task<string> InstallAsync(string version, XcodeInstallSource source, CancellationToken cancellationToken)
        {
            Installs++;
            LastSource = source;
            return inner.InstallAsync(version, source, cancellationToken);
        }

        public Task SelectAsync(string appPath, CancellationToken cancellationToken) => inner.SelectAsync(appPath, cancellationToken);

        public Task AcceptLicenseAsync(CancellationToken cancellationToken) => inner.AcceptLicenseAsync(cancellationToken);

        public Task RunFirstLaunchAsync(CancellationToken cancellationToken) => inner.RunFirstLaunchAsync(cancellationToken);

        public Task<string> ExpandXipAsync(string xipPath, string stagingDirPath, CancellationToken cancellationToken)
        {
            Expands++;
            return inner.ExpandXipAsync(xipPath, stagingDirPath, cancellationToken);
        }

        public Task EnableDeveloperToolsSecurityAsync(CancellationToken cancellationToken) => inner.EnableDeveloperToolsSecurityAsync(cancellationToken);

        public Task AddToDeveloperGroupAsync(string userName, CancellationToken cancellationToken) => inner.AddToDeveloperGroupAsync(userName, cancellationToken);

        public Task DownloadPlatformAsync(string platform, CancellationToken cancellationToken)
        {
            Platforms++;
            return inner.DownloadPlatformAsync(platform, cancellationToken);
        }
    }

    private sealed class NoSecrets : ISecretValues
    {
        public Task<string?> FindAsync(string name, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    private sealed class OneSecret(string name, string value) : ISecretValues
    {
        public Task<string?> FindAsync(string wanted, CancellationToken cancellationToken) => Task.FromResult(wanted == name ? value : null);
    }
}
