using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

/// <summary>doctor's os-upgrade findings: the architecture, the bootstrap token, and which mode will work.</summary>
public sealed class OsUpgradeCheckTests : IDisposable
{
    private const string Escrowed = "profiles: Bootstrap Token supported on server: YES\nprofiles: Bootstrap Token escrowed to server: YES\n";

    private readonly TempHostRoot _root = new();
    private readonly SimulatedVolumeOwners _owners;

    public OsUpgradeCheckTests() => _owners = new SimulatedVolumeOwners(new SimulatedMac(_root.Paths), ["admin"]);

    public void Dispose() => _root.Dispose();

    private async Task<IReadOnlyList<DoctorFinding>> CheckAsync(FakeProcessRunner runner, OsUpgradeConfig? upgrade, bool withConfig = true)
    {
        using var tools = new ToolsDir();
        var config = withConfig
            ? new BootstrapConfig { Agent = new AgentConfig { User = "rig", Home = "/Users/rig" }, Steps = new StepsConfig { OsUpgrade = upgrade } }
            : null;
        return await new OsUpgradeCheck(tools.Table, runner, _owners, config).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_a_config_an_Apple_Silicon_Mac_with_an_escrowed_token_can_use_mdm()
    {
        var runner = new FakeProcessRunner().Then(0, "1\n").Then(0, Escrowed);

        var findings = await CheckAsync(runner, null, withConfig: false);

        findings.Select(f => f.Severity).Should().OnlyContain(s => s == FindingSeverity.Ok);
        findings[0].Message.Should().StartWith("architecture: Apple Silicon");
        findings[1].Message.Should().Contain("escrowed");
        findings[2].Message.Should().StartWith("mode: mdm will work");
        runner.Specs[0].Arguments.Should().Equal("-n", "hw.optional.arm64");
        runner.Specs[1].Arguments.Should().Equal("status", "-type", "bootstraptoken");
    }

    [Fact]
    public async Task An_MDM_without_bootstrap_token_support_makes_mdm_mode_a_problem_on_Apple_Silicon()
    {
        var runner = new FakeProcessRunner().Then(0, "1\n").Then(0, MacOsFixtures.ReadText("profiles-status-bootstraptoken-not-supported-catalina.txt"));

        var findings = await CheckAsync(runner, new OsUpgradeConfig { MinimumVersion = "15.1" });

        findings[1].Severity.Should().Be(FindingSeverity.Warning);
        findings[1].Message.Should().Contain("supported on server: NO");
        findings[2].Severity.Should().Be(FindingSeverity.Problem);
        findings[2].Message.Should().Contain("mode mdm (chosen by architecture)").And.Contain("not escrowed");
        findings[2].Fix.Should().Contain("profiles install -type bootstraptoken").And.Contain("volumeOwner");
    }

    [Fact]
    public async Task Softwareupdate_mode_names_a_user_who_is_not_a_volume_owner()
    {
        var runner = new FakeProcessRunner().Then(0, "1\n").Then(0, Escrowed);
        var upgrade = new OsUpgradeConfig
        {
            MinimumVersion = "15.1",
            Mode = OsUpgradeMode.SoftwareUpdate,
            VolumeOwner = new VolumeOwnerConfig { User = "rig", PasswordSecret = "OWNER_PASSWORD" },
        };

        var findings = await CheckAsync(runner, upgrade);

        findings[2].Severity.Should().Be(FindingSeverity.Problem);
        findings[2].Message.Should().Contain("not rig");
        findings[2].Fix.Should().Contain("Volume Owner: Yes");
    }

    [Fact]
    public async Task An_older_Intel_Mac_without_the_arm64_key_uses_softwareupdate_without_credentials()
    {
        var runner = new FakeProcessRunner().Then(1, "", "sysctl: unknown oid 'hw.optional.arm64'\n").Then(0, MacOsFixtures.ReadText("profiles-status-bootstraptoken-not-supported-catalina.txt"));

        var findings = await CheckAsync(runner, new OsUpgradeConfig { MinimumVersion = "15.1" });

        findings.Select(f => f.Severity).Should().OnlyContain(s => s == FindingSeverity.Ok);
        findings[0].Message.Should().StartWith("architecture: Intel");
        findings[2].Message.Should().Contain("mode softwareupdate (chosen by architecture)");
    }

    [Fact]
    public async Task A_config_without_osUpgrade_skips_the_check()
    {
        var runner = new FakeProcessRunner();

        var findings = await CheckAsync(runner, null);

        findings.Should().ContainSingle().Which.Message.Should().Contain("skipped");
        runner.Specs.Should().BeEmpty();
    }
}
