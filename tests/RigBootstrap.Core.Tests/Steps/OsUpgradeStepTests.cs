using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

public sealed class OsUpgradeStepTests : IDisposable
{
    private const string OwnerPassword = "owner-pw-7781";

    private readonly TempHostRoot _root = new();
    private readonly SimulatedMac _mac;
    private readonly Dictionary<string, string> _facts = new(StringComparer.Ordinal);
    private readonly List<string> _rebootIntents = [];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly SimulatedVolumeOwners _owners;
    private bool _rebootBudgetLeft = true;

    public OsUpgradeStepTests()
    {
        _mac = new SimulatedMac(_root.Paths);
        _owners = new SimulatedVolumeOwners(_mac, ["admin"]);
    }

    public void Dispose() => _root.Dispose();

    private static OsUpgradeConfig Minimum(string version) => new() { MinimumVersion = version };

    private static OsUpgradeConfig Installing(string version) => new() { MinimumVersion = version, Mode = OsUpgradeMode.SoftwareUpdate };

    /// <summary>An Intel Mac by default: softwareupdate installs there as root, without credentials.</summary>
    private SimulatedSoftwareUpdate Mac(string running, params string[] offered) =>
        new(_mac, MacOsVersion.Parse(running), [.. offered.Select(MacOsVersion.Parse)]);

    private SimulatedSoftwareUpdate AppleSiliconMac(string running, params string[] offered) =>
        new(_mac, MacOsVersion.Parse(running), [.. offered.Select(MacOsVersion.Parse)], appleSilicon: true);

    private OsUpgradeStep Step(OsUpgradeConfig config, ISoftwareUpdate softwareUpdate, AccountSecret? owner = null) =>
        new(config, softwareUpdate, _owners, owner, _time);

    private static AccountSecret Owner(string user, string? password = OwnerPassword) =>
        new(user, "VOLUME_OWNER_PASSWORD", new SecretsByName(password is null ? new() : new() { ["VOLUME_OWNER_PASSWORD"] = password }));

    private StepContext Context(bool afterReboot = false) =>
        new(BuiltInStepIds.OsUpgrade, 1, "boot-1", afterReboot, _facts.ToImmutableSortedDictionary(StringComparer.Ordinal), NullLogger.Instance,
            (key, value, _) =>
            {
                if (value is null) _facts.Remove(key); else _facts[key] = value;
                return Task.CompletedTask;
            },
            (reason, _) =>
            {
                // The intent must be on record before softwareupdate can restart the host.
                _mac.RebootRequested.Should().BeFalse("the intent is persisted before the install starts");
                _rebootIntents.Add(reason);
                return Task.FromResult(_rebootBudgetLeft);
            });

    [Fact]
    public async Task A_host_at_the_minimum_is_already_satisfied()
    {
        var step = Step(Minimum("15.1"), Mac("15.1"));

        (await step.ProbeAsync(Context(), CancellationToken.None)).Should().BeTrue();
        step.Traits.RebootsItself.Should().BeTrue();
        step.DependsOn.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_records_the_reboot_then_installs_the_smallest_update_that_reaches_the_minimum()
    {
        var softwareUpdate = Mac("14.6", "14.7", "15.1", "15.2");
        var step = Step(Minimum("15.1"), softwareUpdate);

        (await step.ProbeAsync(Context(), CancellationToken.None)).Should().BeFalse();
        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.NeedsReboot>();
        _rebootIntents.Should().ContainSingle().Which.Should().Contain("macOS 15.1-SIM15");
        _facts[OsUpgradeStep.LabelFact].Should().Be("macOS 15.1-SIM15");
        File.ReadAllText(softwareUpdate.PendingPath).Trim().Should().Be("15.1");
        _mac.RebootRequested.Should().BeTrue("softwareupdate --restart restarts the host by itself");
    }

    [Fact]
    public async Task After_the_reboot_the_new_version_verifies()
    {
        var softwareUpdate = Mac("14.6", "15.1");
        var step = Step(Minimum("15.1"), softwareUpdate);
        await step.ApplyAsync(Context(), CancellationToken.None);

        softwareUpdate.ApplyPendingAtBoot();
        var verified = await step.VerifyAsync(Context(afterReboot: true), CancellationToken.None);

        verified.Should().Be(VerifyResult.Passed);
    }

    [Fact]
    public async Task An_update_that_did_not_land_fails_verification_naming_it()
    {
        var step = Step(Minimum("15.1"), Mac("14.6", "15.1"));
        await step.ApplyAsync(Context(), CancellationToken.None);

        var verified = await step.VerifyAsync(Context(afterReboot: true), CancellationToken.None);

        verified.Ok.Should().BeFalse();
        verified.Problem.Should().Contain("still runs macOS 14.6 after installing macOS 15.1-SIM15");
    }

    [Fact]
    public async Task With_no_update_reaching_the_minimum_the_step_waits_an_hour_and_changes_nothing()
    {
        var step = Step(Minimum("15.1"), Mac("14.6", "14.7"));

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().Be(new ApplyResult.WaitUntil("waiting for macOS ≥ 15.1 to be offered (or an MDM-driven upgrade); the host runs 14.6", TimeSpan.FromHours(1)));
        _rebootIntents.Should().BeEmpty();
        _mac.RebootRequested.Should().BeFalse();
    }

    [Fact]
    public async Task An_update_deferred_by_the_MDM_is_waited_for_not_forced()
    {
        var softwareUpdate = Mac("14.6");
        Directory.CreateDirectory(softwareUpdate.DirPath);
        File.WriteAllText(softwareUpdate.CatalogPath, "15.1 deferred\n");
        var step = Step(Minimum("15.1"), softwareUpdate);

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Contain("deferred by the MDM");
    }

    [Fact]
    public async Task A_spent_reboot_budget_fails_without_installing()
    {
        _rebootBudgetLeft = false;
        var softwareUpdate = Mac("14.6", "15.1");
        var step = Step(Minimum("15.1"), softwareUpdate);

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.Fail>().Which.Should().Match<ApplyResult.Fail>(f => f.Reason.StartsWith("reboot budget spent") && !f.Retryable);
        File.Exists(softwareUpdate.PendingPath).Should().BeFalse();
    }

    [Fact]
    public async Task Apply_on_Intel_without_a_mode_installs_and_records_the_softwareupdate_mode()
    {
        var step = Step(Minimum("15.1"), Mac("14.6", "15.1"));

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.NeedsReboot>();
        _facts[OsUpgradeStep.ModeFact].Should().Be(nameof(OsUpgradeMode.SoftwareUpdate));
    }

    [Fact]
    public async Task On_Apple_Silicon_without_a_mode_the_step_waits_for_the_MDM_and_never_installs()
    {
        var softwareUpdate = AppleSiliconMac("14.6", "15.1");
        var step = Step(Minimum("15.1"), softwareUpdate);

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        var wait = result.Should().BeOfType<ApplyResult.WaitUntil>().Which;
        wait.Reason.Should().Contain("waiting for the MDM to upgrade macOS 14.6 to ≥ 15.1").And.Contain("2026-11-27 10:00:00Z");
        wait.RetryAfter.Should().Be(TimeSpan.FromMinutes(15));
        _facts[OsUpgradeStep.ModeFact].Should().Be(nameof(OsUpgradeMode.Mdm));
        _facts[OsUpgradeStep.MdmWaitSinceFact].Should().Be("2026-11-25T10:00:00.0000000+00:00");
        _rebootIntents.Should().BeEmpty("the MDM restarts the host, not rig-bootstrap");
        File.Exists(softwareUpdate.PendingPath).Should().BeFalse();
    }

    [Fact]
    public async Task The_MDM_wait_counts_from_its_first_check_and_its_last_check_falls_on_the_deadline()
    {
        var step = Step(Minimum("15.1") with { Mode = OsUpgradeMode.Mdm, MdmDeadline = TimeSpan.FromHours(1) }, AppleSiliconMac("14.6"));
        await step.ApplyAsync(Context(), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(50));

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.RetryAfter.Should().Be(TimeSpan.FromMinutes(10));
        _facts[OsUpgradeStep.MdmWaitSinceFact].Should().Be("2026-11-25T10:00:00.0000000+00:00");
    }

    [Fact]
    public async Task Past_the_deadline_the_step_fails_naming_what_the_MDM_must_send_and_a_retry_waits_anew()
    {
        var step = Step(Minimum("15.1") with { MdmDeadline = TimeSpan.FromHours(48) }, AppleSiliconMac("14.6"));
        await step.ApplyAsync(Context(), CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(48));

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Which;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().Contain("com.apple.configuration.softwareupdate.enforcement.specific").And.Contain("TargetOSVersion 15.1")
            .And.Contain("TargetLocalDateTime").And.Contain("bootstrap token").And.Contain("rig-bootstrap retry os-upgrade");
        _facts.Should().NotContainKey(OsUpgradeStep.MdmWaitSinceFact, "a retry gives the MDM a new deadline");
    }

    [Fact]
    public async Task After_the_MDMs_restart_into_the_new_version_the_step_is_satisfied()
    {
        var softwareUpdate = AppleSiliconMac("14.6");
        var step = Step(Minimum("15.1"), softwareUpdate);
        await step.ApplyAsync(Context(), CancellationToken.None);

        softwareUpdate.StageByMdm(MacOsVersion.Parse("15.1"));
        softwareUpdate.ApplyPendingAtBoot();

        (await step.ProbeAsync(Context(), CancellationToken.None)).Should().BeTrue();
        (await step.VerifyAsync(Context(), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact]
    public async Task Softwareupdate_mode_on_Apple_Silicon_without_a_volume_owner_fails_with_the_fix_before_any_reboot()
    {
        var softwareUpdate = AppleSiliconMac("14.6", "15.1");
        var step = Step(Installing("15.1"), softwareUpdate);

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Which;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().Contain("Apple Silicon").And.Contain("volumeOwner").And.Contain("\"mdm\"");
        _rebootIntents.Should().BeEmpty();
        File.Exists(softwareUpdate.PendingPath).Should().BeFalse();
    }

    [Fact]
    public async Task A_volume_owner_who_is_not_one_fails_before_any_reboot_is_recorded()
    {
        var step = Step(Installing("15.1"), AppleSiliconMac("14.6", "15.1"), Owner("rig"));

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Which;
        fail.Reason.Should().Contain("rig is not a volume owner").And.Contain("admin");
        fail.Reason.Should().NotContain(OwnerPassword);
        _rebootIntents.Should().BeEmpty();
        step.DependsOn.Should().Equal(BuiltInStepIds.Secrets);
    }

    [Fact]
    public async Task A_real_volume_owner_installs_on_Apple_Silicon_with_its_password()
    {
        var softwareUpdate = AppleSiliconMac("14.6", "15.1");
        var step = Step(Installing("15.1"), softwareUpdate, Owner("admin"));

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.NeedsReboot>();
        File.ReadAllText(softwareUpdate.PendingPath).Trim().Should().Be("15.1");
        _rebootIntents.Should().ContainSingle();
    }

    [Fact]
    public async Task A_missing_volume_owner_secret_fails_before_any_reboot_is_recorded()
    {
        var step = Step(Installing("15.1"), AppleSiliconMac("14.6", "15.1"), Owner("admin", password: null));

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.Fail>().Which.Reason.Should().Contain("VOLUME_OWNER_PASSWORD").And.Contain("admin");
        _rebootIntents.Should().BeEmpty();
    }

    [Fact]
    public async Task On_a_real_Apple_Silicon_Mac_the_owner_password_reaches_softwareupdate_on_stdin_only()
    {
        var runner = new FakeProcessRunner()
            .Then(0, "14.6\n")
            .Then(0, "1\n")
            .Then(0, MacOsFixtures.ReadText("softwareupdate-list-update-available-monterey.txt").Replace("13.1", "15.1", StringComparison.Ordinal).Replace("Deferred: YES", "Deferred: NO", StringComparison.Ordinal))
            .Then(0, "");
        var tool = new SoftwareUpdateTool(runner, new ToolTable(_root.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty), _time);
        var step = Step(Installing("15.1"), tool, Owner("admin"));

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.NeedsReboot>();
        var install = runner.Specs[^1];
        install.Arguments.Should().Equal("--install", "macOS Ventura 15.1-22C65", "--agree-to-license", "--restart", "--user", "admin", "--stdinpass");
        install.Secrets.Should().Equal(OwnerPassword);
        runner.Specs.Should().OnlyContain(s => !s.ToDisplayString().Contains(OwnerPassword));
        _facts.Values.Should().NotContain(v => v.Contains(OwnerPassword));
        _rebootIntents.Should().NotContain(r => r.Contains(OwnerPassword));
    }

    [Fact]
    public async Task A_refused_install_fails_with_the_tools_fix_and_is_not_retried()
    {
        var runner = new FakeProcessRunner()
            .Then(0, "12.6.1\n")
            .Then(0, "0\n")
            .Then(0, MacOsFixtures.ReadText("softwareupdate-list-update-available-monterey.txt"))
            .Then(1, "", MacOsFixtures.ReadText("softwareupdate-install-sudo-apple-silicon.txt"));
        var tool = new SoftwareUpdateTool(runner, new ToolTable(_root.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty), _time);
        var step = Step(Minimum("12.6.2"), tool);

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Which;
        fail.Reason.Should().Contain("macOS Monterey 12.6.2-21G320").And.Contain("--stdinpass");
        fail.Retryable.Should().BeFalse();
    }

    /// <summary>Secrets from a dictionary, standing for the decrypted SOPS file.</summary>
    private sealed class SecretsByName(Dictionary<string, string> values) : ISecretValues
    {
        public Task<string?> FindAsync(string name, CancellationToken cancellationToken) => Task.FromResult(values.GetValueOrDefault(name));
    }
}
