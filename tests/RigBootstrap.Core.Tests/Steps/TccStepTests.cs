using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>The tcc step: probe, wait for the MDM with back-off, verify, and the user database that appears after the reboot.</summary>
public sealed class TccStepTests
{
    private const string Accessibility = "kTCCServiceAccessibility";
    private const string AppleEvents = "kTCCServiceAppleEvents";
    private const string Agent = "/usr/local/bin/rig-agent";

    private static readonly TccConfig Config = new()
    {
        Grants = [new TccGrantConfig { Service = Accessibility, Client = Agent }, new TccGrantConfig { Service = AppleEvents, Client = "com.rig.agent" }],
    };

    private readonly FakeTcc _tcc = new();
    private readonly PersistedFacts _facts = new();
    private readonly TccStep _step;

    public TccStepTests() => _step = new TccStep(Config, "rig", [BuiltInStepIds.Autologin, BuiltInStepIds.FirstDeploy], _tcc);

    [Fact]
    public void The_step_is_tcc_after_the_given_steps_and_never_asks_for_a_reboot()
    {
        // Assert
        _step.Id.Should().Be("tcc");
        _step.DependsOn.Should().Equal(BuiltInStepIds.Autologin, BuiltInStepIds.FirstDeploy);
        _step.Traits.MayNeedReboot.Should().BeFalse();
        _step.Traits.RebootsItself.Should().BeFalse();
        _step.Traits.Description.Should().Be($"wait for the MDM PPPC profile to grant {Accessibility} to {Agent}, {AppleEvents} to com.rig.agent");
    }

    [Fact(Timeout = 30000)]
    public async Task Every_grant_present_satisfies_the_probe()
    {
        // Arrange
        GrantAll();

        // Act
        var satisfied = await _step.ProbeAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        satisfied.Should().BeTrue();
        _tcc.Lookups.Should().Equal((Accessibility, Agent, "rig"), (AppleEvents, "com.rig.agent", "rig"));
    }

    [Fact(Timeout = 30000)]
    public async Task One_missing_grant_fails_the_probe()
    {
        // Arrange
        _tcc.Statuses[(Accessibility, Agent)] = TccGrantStatus.Granted;

        // Act
        var satisfied = await _step.ProbeAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        satisfied.Should().BeFalse();
    }

    [Fact(Timeout = 30000)]
    public async Task A_missing_grant_waits_for_the_mdm_profile_backing_off_up_to_ten_minutes()
    {
        // Arrange
        _tcc.Statuses[(AppleEvents, "com.rig.agent")] = TccGrantStatus.Granted;

        // Act
        var waits = new List<ApplyResult>();
        for (var i = 0; i < 7; i++)
        {
            waits.Add(await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None));
        }

        // Assert
        waits.Should().AllBeEquivalentTo(new { Reason = $"waiting for the MDM PPPC profile to grant {Accessibility} to {Agent}" }, o => o.ExcludingMissingMembers());
        waits.Cast<ApplyResult.WaitUntil>().Select(w => w.RetryAfter.TotalSeconds).Should().Equal(30, 60, 120, 240, 480, 600, 600);
        _facts.Facts[TccStep.GrantChecksFact].Should().Be("7");
    }

    [Fact(Timeout = 30000)]
    public async Task Several_missing_grants_name_the_first_and_count_the_rest()
    {
        // Act
        var result = await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().BeOfType<ApplyResult.WaitUntil>()
            .Which.Reason.Should().Be($"waiting for the MDM PPPC profile to grant {Accessibility} to {Agent} (and 1 more)");
    }

    [Fact(Timeout = 30000)]
    public async Task A_missing_user_database_waits_for_the_users_first_login()
    {
        // Arrange
        _tcc.Statuses[(Accessibility, Agent)] = TccGrantStatus.Granted;
        _tcc.Statuses[(AppleEvents, "com.rig.agent")] = TccGrantStatus.UserDatabaseMissing;

        // Act
        var result = await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().BeOfType<ApplyResult.WaitUntil>()
            .Which.Reason.Should().Be($"waiting for rig's first login, which creates the TCC.db that holds {AppleEvents} for com.rig.agent");
    }

    [Fact(Timeout = 30000)]
    public async Task Grants_that_arrived_since_the_probe_are_done_and_verified_and_the_back_off_is_forgotten()
    {
        // Arrange
        await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);
        GrantAll();

        // Act
        var result = await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);
        var verify = await _step.VerifyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().Be(ApplyResult.Succeeded);
        verify.Should().Be(VerifyResult.Passed);
        _facts.Facts.Should().NotContainKey(TccStep.GrantChecksFact);
    }

    [Fact(Timeout = 30000)]
    public async Task Verify_names_the_grant_still_missing()
    {
        // Arrange
        _tcc.Statuses[(Accessibility, Agent)] = TccGrantStatus.Granted;

        // Act
        var verify = await _step.VerifyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        verify.Should().Be(VerifyResult.Failed($"waiting for the MDM PPPC profile to grant {AppleEvents} to com.rig.agent"));
    }

    [Fact(Timeout = 30000)]
    public async Task An_unreadable_database_fails_with_the_fix_and_may_be_retried()
    {
        // Arrange
        _tcc.Failure = new TccException("cannot read TCC.db: grant Full Disk Access");

        // Act
        var result = await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().Be(new ApplyResult.Fail("cannot read TCC.db: grant Full Disk Access", Retryable: true));
    }

    [Fact(Timeout = 30000)]
    public async Task On_the_simulated_mac_the_step_waits_until_the_mdm_grants_and_the_user_has_logged_in_after_the_reboot()
    {
        // Arrange: a real simulated Mac with the real sqlite3.
        using var root = new TempHostRoot();
        var tcc = new SimulatedTcc(new SimulatedMac(root.Paths), new ProcessRunner(TimeProvider.System), TccDatabaseFile.DefaultTools);
        var step = new TccStep(Config, "rig", [], tcc);

        // Act 1: nothing granted, nobody logged in.
        var first = await step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);
        await tcc.GrantFromProfileAsync(Accessibility, Agent, CancellationToken.None);
        await tcc.GrantFromProfileAsync(AppleEvents, "com.rig.agent", CancellationToken.None);
        var second = await step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Act 2: the reboot logs the agent user in, which creates their TCC.db.
        await tcc.CreateUserDatabaseAtFirstLoginAsync("rig", CancellationToken.None);
        var afterReboot = new StepContext("tcc", 1, "boot-2", afterReboot: true, _facts.Facts.ToImmutableSortedDictionary(StringComparer.Ordinal),
            NullLogger.Instance, (key, value, _) => { _facts.Facts.Remove(key); return Task.CompletedTask; });
        var probe = await step.ProbeAsync(afterReboot, CancellationToken.None);
        var verify = await step.VerifyAsync(afterReboot, CancellationToken.None);

        // Assert
        first.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Contain(Accessibility).And.Contain("(and 1 more)");
        second.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().StartWith("waiting for rig's first login");
        probe.Should().BeTrue();
        verify.Should().Be(VerifyResult.Passed);
    }

    private void GrantAll()
    {
        foreach (var grant in Config.Grants)
        {
            _tcc.Statuses[(grant.Service, grant.Client)] = TccGrantStatus.Granted;
        }
    }
}
