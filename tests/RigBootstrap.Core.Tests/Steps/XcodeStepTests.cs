using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

public sealed class XcodeStepTests : IDisposable
{
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

    private XcodeStep Step(string version = "16.2", string? xipPath = null, AccountSecret? appleId = null) =>
        new(new XcodeConfig { Version = version }, [BuiltInStepIds.OsUpgrade], _xcode, xipPath, appleId);

    [Fact(Timeout = 30000)]
    public async Task A_fresh_host_installs_selects_accepts_the_license_and_launches_once()
    {
        var step = Step();

        (await step.ProbeAsync(_facts.NewContext(step.Id), CancellationToken.None)).Should().BeFalse();
        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);
        var verified = await step.VerifyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        result.Should().Be(ApplyResult.Succeeded);
        verified.Should().Be(VerifyResult.Passed);
        _facts.Facts[XcodeStep.AppPathFact].Should().Be("/Applications/Xcode-16.2.0.app");
        File.ReadAllText(_simulated.FirstLaunchPath).Trim().Should().Be("/Applications/Xcode-16.2.0.app");
        step.DependsOn.Should().Equal(BuiltInStepIds.OsUpgrade);
    }

    [Fact(Timeout = 30000)]
    public async Task The_pinned_version_already_selected_is_satisfied()
    {
        await _simulated.SelectAsync(await _simulated.InstallAsync("16.2", XcodeInstallSource.Default, CancellationToken.None), CancellationToken.None);

        (await Step().ProbeAsync(_facts.NewContext(BuiltInStepIds.Xcode), CancellationToken.None)).Should().BeTrue();
    }

    [Fact(Timeout = 30000)]
    public async Task Another_selected_version_is_not_satisfied_and_fails_verification_naming_both()
    {
        await _simulated.SelectAsync(await _simulated.InstallAsync("15.4", XcodeInstallSource.Default, CancellationToken.None), CancellationToken.None);
        var step = Step();

        (await step.ProbeAsync(_facts.NewContext(step.Id), CancellationToken.None)).Should().BeFalse();
        var verified = await step.VerifyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        verified.Problem.Should().Contain("Xcode 15.4").And.Contain("pinned 16.2");
    }

    [Fact(Timeout = 30000)]
    public async Task A_bundle_installed_before_a_power_cut_could_record_it_is_found_where_xcodes_puts_it_and_not_installed_again()
    {
        // Arrange: xcodes finished, then the power went before the step kept the bundle's path as a fact.
        await _simulated.InstallAsync("16.2", XcodeInstallSource.Default, CancellationToken.None);
        var step = Step();

        // Act
        var result = await step.ApplyAsync(_facts.NewContext(step.Id, attempt: 2), CancellationToken.None);

        // Assert
        result.Should().Be(ApplyResult.Succeeded);
        _xcode.Installs.Should().Be(0, "the bundle at /Applications/Xcode-16.2.0.app already reports 16.2");
        (await step.VerifyAsync(_facts.NewContext(step.Id), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact(Timeout = 30000)]
    public async Task A_retry_after_a_crash_reuses_the_installed_bundle_instead_of_downloading_again()
    {
        var step = Step();
        await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);
        File.Delete(_simulated.SelectionPath);

        var again = await step.ApplyAsync(_facts.NewContext(step.Id, attempt: 2), CancellationToken.None);

        again.Should().Be(ApplyResult.Succeeded);
        _xcode.Installs.Should().Be(1);
        (await step.VerifyAsync(_facts.NewContext(step.Id), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact(Timeout = 30000)]
    public async Task A_failed_install_is_a_retryable_failure_with_the_tools_message()
    {
        var step = Step(xipPath: "/Users/Shared/Xcode_16.2.xip");

        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Which;
        fail.Reason.Should().Contain("no such archive");
        fail.Retryable.Should().BeTrue();
        _facts.Facts.Should().NotContainKey(XcodeStep.AppPathFact);
    }

    [Fact(Timeout = 30000)]
    public async Task A_local_xip_that_exists_is_installed_from()
    {
        Directory.CreateDirectory(_root.Paths.Resolve("/Users/Shared"));
        File.WriteAllText(_root.Paths.Resolve("/Users/Shared/Xcode_16.2.xip"), "xip");

        var result = await Step(xipPath: "/Users/Shared/Xcode_16.2.xip").ApplyAsync(_facts.NewContext(BuiltInStepIds.Xcode), CancellationToken.None);

        result.Should().Be(ApplyResult.Succeeded);
        _xcode.LastSource!.XipPath.Should().Be("/Users/Shared/Xcode_16.2.xip");
    }

    [Fact(Timeout = 30000)]
    public async Task A_missing_Apple_ID_secret_fails_before_xcodes_runs()
    {
        var step = Step(appleId: new AccountSecret("ci@example.com", "APPLE_ID_PASSWORD", new NoSecrets()));

        var result = await step.ApplyAsync(_facts.NewContext(step.Id), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.Fail>().Which.Reason.Should().Contain("APPLE_ID_PASSWORD");
        _xcode.Installs.Should().Be(0);
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

    /// <summary>The simulated Xcode, counting installs and keeping the last source asked for.</summary>
    private sealed class CountingXcode(IXcode inner) : IXcode
    {
        public int Installs { get; private set; }

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
    }

    private sealed class NoSecrets : ISecretValues
    {
        public Task<string?> FindAsync(string name, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }
}
