using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
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
    private bool _rebootBudgetLeft = true;

    public OsUpgradeStepTests() => _mac = new SimulatedMac(_root.Paths);

    public void Dispose() => _root.Dispose();

    private static OsUpgradeConfig Minimum(string version) => new() { MinimumVersion = version };

    private SimulatedSoftwareUpdate Mac(string running, params string[] offered) =>
        new(_mac, MacOsVersion.Parse(running), [.. offered.Select(MacOsVersion.Parse)]);

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

    [Fact(Timeout = 30000)]
    public async Task A_host_at_the_minimum_is_already_satisfied()
    {
        var step = new OsUpgradeStep(Minimum("15.1"), Mac("15.1"));

        (await step.ProbeAsync(Context(), CancellationToken.None)).Should().BeTrue();
        step.Traits.RebootsItself.Should().BeTrue();
        step.DependsOn.Should().BeEmpty();
    }

    [Fact(Timeout = 30000)]
    public async Task Apply_records_the_reboot_then_installs_the_smallest_update_that_reaches_the_minimum()
    {
        var softwareUpdate = Mac("14.6", "14.7", "15.1", "15.2");
        var step = new OsUpgradeStep(Minimum("15.1"), softwareUpdate);

        (await step.ProbeAsync(Context(), CancellationToken.None)).Should().BeFalse();
        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.NeedsReboot>();
        _rebootIntents.Should().ContainSingle().Which.Should().Contain("macOS 15.1-SIM15");
        _facts[OsUpgradeStep.LabelFact].Should().Be("macOS 15.1-SIM15");
        File.ReadAllText(softwareUpdate.PendingPath).Trim().Should().Be("15.1");
        _mac.RebootRequested.Should().BeTrue("softwareupdate --restart restarts the host by itself");
    }

    [Fact(Timeout = 30000)]
    public async Task After_the_reboot_the_new_version_verifies()
    {
        var softwareUpdate = Mac("14.6", "15.1");
        var step = new OsUpgradeStep(Minimum("15.1"), softwareUpdate);
        await step.ApplyAsync(Context(), CancellationToken.None);

        softwareUpdate.ApplyPendingAtBoot();
        var verified = await step.VerifyAsync(Context(afterReboot: true), CancellationToken.None);

        verified.Should().Be(VerifyResult.Passed);
    }

    [Fact(Timeout = 30000)]
    public async Task An_update_that_did_not_land_fails_verification_naming_it()
    {
        var step = new OsUpgradeStep(Minimum("15.1"), Mac("14.6", "15.1"));
        await step.ApplyAsync(Context(), CancellationToken.None);

        var verified = await step.VerifyAsync(Context(afterReboot: true), CancellationToken.None);

        verified.Ok.Should().BeFalse();
        verified.Problem.Should().Contain("still runs macOS 14.6 after installing macOS 15.1-SIM15");
    }

    [Fact(Timeout = 30000)]
    public async Task With_no_update_reaching_the_minimum_the_step_waits_an_hour_and_changes_nothing()
    {
        var step = new OsUpgradeStep(Minimum("15.1"), Mac("14.6", "14.7"));

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().Be(new ApplyResult.WaitUntil("waiting for macOS ≥ 15.1 to be offered (or an MDM-driven upgrade); the host runs 14.6", TimeSpan.FromHours(1)));
        _rebootIntents.Should().BeEmpty();
        _mac.RebootRequested.Should().BeFalse();
    }

    [Fact(Timeout = 30000)]
    public async Task An_update_deferred_by_the_MDM_is_waited_for_not_forced()
    {
        var softwareUpdate = Mac("14.6");
        Directory.CreateDirectory(softwareUpdate.DirPath);
        File.WriteAllText(softwareUpdate.CatalogPath, "15.1 deferred\n");
        var step = new OsUpgradeStep(Minimum("15.1"), softwareUpdate);

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Contain("deferred by the MDM");
    }

    [Fact(Timeout = 30000)]
    public async Task A_spent_reboot_budget_fails_without_installing()
    {
        _rebootBudgetLeft = false;
        var softwareUpdate = Mac("14.6", "15.1");
        var step = new OsUpgradeStep(Minimum("15.1"), softwareUpdate);

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.Fail>().Which.Should().Match<ApplyResult.Fail>(f => f.Reason.StartsWith("reboot budget spent") && !f.Retryable);
        File.Exists(softwareUpdate.PendingPath).Should().BeFalse();
    }

    [Fact(Timeout = 30000)]
    public async Task A_missing_volume_owner_secret_fails_before_any_reboot_is_recorded()
    {
        var owner = new AccountSecret("admin", "VOLUME_OWNER_PASSWORD", new SecretsByName(new()));
        var step = new OsUpgradeStep(Minimum("15.1"), Mac("14.6", "15.1"), owner);

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.Fail>().Which.Reason.Should().Contain("VOLUME_OWNER_PASSWORD").And.Contain("admin");
        _rebootIntents.Should().BeEmpty();
    }

    [Fact(Timeout = 30000)]
    public async Task On_a_real_Apple_Silicon_Mac_the_owner_password_reaches_softwareupdate_on_stdin_only()
    {
        var runner = new FakeProcessRunner()
            .Then(0, "14.6\n")
            .Then(0, MacOsFixtures.ReadText("softwareupdate-list-update-available-monterey.txt").Replace("13.1", "15.1", StringComparison.Ordinal).Replace("Deferred: YES", "Deferred: NO", StringComparison.Ordinal))
            .Then(0, "1\n")
            .Then(0, "");
        var tool = new SoftwareUpdateTool(runner, new ToolTable(_root.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty));
        var owner = new AccountSecret("admin", "VOLUME_OWNER_PASSWORD", new SecretsByName(new() { ["VOLUME_OWNER_PASSWORD"] = OwnerPassword }));
        var step = new OsUpgradeStep(Minimum("15.1"), tool, owner);

        var result = await step.ApplyAsync(Context(), CancellationToken.None);

        result.Should().BeOfType<ApplyResult.NeedsReboot>();
        var install = runner.Specs[^1];
        install.Arguments.Should().Equal("--install", "macOS Ventura 15.1-22C65", "--agree-to-license", "--restart", "--user", "admin", "--stdinpass");
        install.Secrets.Should().Equal(OwnerPassword);
        runner.Specs.Should().OnlyContain(s => !s.ToDisplayString().Contains(OwnerPassword));
        _facts.Values.Should().NotContain(v => v.Contains(OwnerPassword));
        _rebootIntents.Should().NotContain(r => r.Contains(OwnerPassword));
    }

    [Fact(Timeout = 30000)]
    public async Task A_refused_install_fails_with_the_tools_fix_and_is_not_retried()
    {
        var runner = new FakeProcessRunner()
            .Then(0, "12.6.1\n")
            .Then(0, MacOsFixtures.ReadText("softwareupdate-list-update-available-monterey.txt"))
            .Then(1, "", MacOsFixtures.ReadText("softwareupdate-install-sudo-apple-silicon.txt"));
        var tool = new SoftwareUpdateTool(runner, new ToolTable(_root.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty));
        var step = new OsUpgradeStep(Minimum("12.6.2"), tool);

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
