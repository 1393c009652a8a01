using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>
/// The tcc step: a grant is satisfied by MDMOverrides.plist, the installed profiles or a user-approved TCC.db row;
/// while waiting it says what each source said and what it could not read; back-off; the user database after the reboot.
/// </summary>
public sealed class TccStepTests
{
    private const string Accessibility = "kTCCServiceAccessibility";
    private const string AppleEvents = "kTCCServiceAppleEvents";
    private const string ScreenCapture = "kTCCServiceScreenCapture";
    private const string Agent = "/usr/local/bin/rig-agent";
    private const string Receiver = "com.apple.systemevents";
    private const string Requirement = "identifier \"rig-agent\" and anchor apple generic";

    private static readonly TccGrantConfig AccessibilityGrant = new() { Service = Accessibility, Client = Agent };
    private static readonly TccGrantConfig AppleEventsGrant = new() { Service = AppleEvents, Client = "com.rig.agent", Receiver = Receiver };
    private static readonly TccConfig Config = new() { Grants = [AccessibilityGrant, AppleEventsGrant] };

    private readonly FakeTcc _tcc = new();
    private readonly FakeTccPolicySource _overrides = new("MDMOverrides.plist");
    private readonly FakeTccPolicySource _profiles = new("the installed profiles");
    private readonly PersistedFacts _facts = new();
    private readonly TccStep _step;

    public TccStepTests()
    {
        _profiles.Holds();
        _step = NewStep(Config);
    }

    [Fact]
    public void The_step_is_tcc_after_the_given_steps_and_never_asks_for_a_reboot()
    {
        // Assert
        _step.Id.Should().Be("tcc");
        _step.DependsOn.Should().Equal(BuiltInStepIds.Autologin, BuiltInStepIds.FirstDeploy);
        _step.Traits.MayNeedReboot.Should().BeFalse();
        _step.Traits.RebootsItself.Should().BeFalse();
        _step.Traits.Description.Should().Be(
            $"wait for the MDM's PPPC profile (or a person) to grant {Accessibility} to {Agent}, {AppleEvents} to com.rig.agent (sending to {Receiver})");
    }

    [Fact]
    public async Task Grants_found_only_in_MDMOverrides_satisfy_the_probe_without_reading_TCC_db_and_status_names_the_source()
    {
        // Arrange: what tccd recorded from the profile; TCC.db has no row at all.
        _overrides.Holds(Entry(Accessibility, Agent, "path"), Entry(AppleEvents, "com.rig.agent", "bundleID", Receiver));

        // Act
        var satisfied = await _step.ProbeAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        satisfied.Should().BeTrue();
        _tcc.Lookups.Should().BeEmpty("an MDM source already answered");
        _facts.Facts[TccStep.OutcomeFact].Should().Be(
            $"{Accessibility} to {Agent}: MDMOverrides.plist: granted by MDMOverrides.plist, code requirement \"{Requirement}\"; "
            + $"{AppleEvents} to com.rig.agent (sending to {Receiver}): MDMOverrides.plist: granted by MDMOverrides.plist, code requirement \"{Requirement}\"");
    }

    [Fact]
    public async Task Without_Full_Disk_Access_the_profiles_listing_satisfies_the_grant_and_is_named()
    {
        // Arrange
        _overrides.Reading = new TccSourceReading.Unreadable("cannot read MDMOverrides.plist: no Full Disk Access");
        _profiles.Holds(Entry(Accessibility, Agent, "path", origin: "profile \"Fleet PPPC\""), Entry(AppleEvents, "com.rig.agent", "bundleID", Receiver, origin: "profile \"Fleet PPPC\""));

        // Act
        var result = await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);
        var verify = await _step.VerifyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().Be(ApplyResult.Succeeded);
        verify.Should().Be(VerifyResult.Passed);
        _facts.Facts[TccStep.OutcomeFact].Should().StartWith($"{Accessibility} to {Agent}: the installed profiles: granted by profile \"Fleet PPPC\"");
    }

    [Fact]
    public async Task While_waiting_the_reason_says_what_each_source_said_and_names_the_missing_Full_Disk_Access()
    {
        // Arrange
        var config = new TccConfig { Grants = [AccessibilityGrant] };
        _overrides.Reading = new TccSourceReading.Unreadable("cannot read MDMOverrides.plist: grant Full Disk Access through SystemPolicyAllFiles");
        _tcc.Failure = new TccException("cannot read TCC.db: grant Full Disk Access through SystemPolicyAllFiles");

        // Act
        var result = await NewStep(config).ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Be(
            $"waiting for the MDM's PPPC profile to grant {Accessibility} to {Agent}; "
            + "MDMOverrides.plist: could not read it: cannot read MDMOverrides.plist: grant Full Disk Access through SystemPolicyAllFiles; "
            + $"the installed profiles: read, no PPPC entry for {Accessibility} to {Agent}; "
            + "TCC.db: could not read it: cannot read TCC.db: grant Full Disk Access through SystemPolicyAllFiles");
    }

    [Fact]
    public async Task A_user_approved_TCC_db_row_satisfies_a_grant_no_profile_carries()
    {
        // Arrange
        GrantAllInDatabase();

        // Act
        var satisfied = await _step.ProbeAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        satisfied.Should().BeTrue();
        _tcc.Lookups.Should().Equal((Accessibility, Agent, "rig"), (AppleEvents, "com.rig.agent", "rig"));
        _facts.Facts[TccStep.OutcomeFact].Should().Contain("TCC.db: granted by a user-approved row");
    }

    [Fact]
    public async Task A_deny_in_any_MDM_source_wins_over_an_allow_elsewhere()
    {
        // Arrange
        GrantAllInDatabase();
        _overrides.Holds(Entry(Accessibility, Agent, "path"));
        _profiles.Holds(Entry(Accessibility, Agent, "path", authorization: TccPolicyAuthorization.Deny, origin: "profile \"Lockdown\""));

        // Act
        var result = await NewStep(new TccConfig { Grants = [AccessibilityGrant] }).ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should()
            .Contain($"the installed profiles: profile \"Lockdown\" denies {Accessibility} to {Agent}; the MDM must change that PPPC entry to Allow");
    }

    [Theory]
    [InlineData("bundleID", Receiver, TccPolicyAuthorization.Allow)]
    [InlineData("path", "com.apple.finder", TccPolicyAuthorization.Allow)]
    [InlineData("path", Receiver, TccPolicyAuthorization.AllowStandardUserToSetSystemService)]
    public async Task An_entry_for_another_identifier_type_receiver_or_only_a_standard_users_say_is_no_grant(string type, string receiver, TccPolicyAuthorization authorization)
    {
        // Arrange: the Apple Events grant of a path client.
        var grant = AppleEventsGrant with { Client = Agent };
        _overrides.Holds(Entry(AppleEvents, Agent, type, receiver, authorization));

        // Act
        var satisfied = await NewStep(new TccConfig { Grants = [grant] }).ProbeAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        satisfied.Should().BeFalse();
    }

    [Fact]
    public async Task A_grant_a_person_must_approve_reads_only_TCC_db_and_names_the_persons_task()
    {
        // Arrange
        var grant = new TccGrantConfig { Service = ScreenCapture, Client = Agent, Approval = TccApproval.Person };
        var step = NewStep(new TccConfig { Grants = [grant] });

        // Act
        var waiting = await step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);
        _tcc.Statuses[(ScreenCapture, Agent)] = TccGrantStatus.Granted;
        var approved = await step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        waiting.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Be(
            $"waiting for a person to switch on {ScreenCapture} for {Agent} in System Settings > Privacy & Security > Screen & System Audio Recording (no profile can); TCC.db: read, no row allows it");
        approved.Should().Be(ApplyResult.Succeeded);
        (_overrides.Reads + _profiles.Reads).Should().Be(0, "no profile can grant it, so the MDM sources are not read");
    }

    [Fact]
    public async Task A_missing_grant_waits_backing_off_up_to_ten_minutes()
    {
        // Arrange
        _overrides.Holds(Entry(AppleEvents, "com.rig.agent", "bundleID", Receiver));

        // Act
        var waits = new List<ApplyResult>();
        for (var i = 0; i < 7; i++)
        {
            waits.Add(await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None));
        }

        // Assert
        waits.Cast<ApplyResult.WaitUntil>().Should().OnlyContain(w => w.Reason.StartsWith($"waiting for the MDM's PPPC profile to grant {Accessibility} to {Agent};", StringComparison.Ordinal));
        waits.Cast<ApplyResult.WaitUntil>().Select(w => w.RetryAfter.TotalSeconds).Should().Equal(30, 60, 120, 240, 480, 600, 600);
        _facts.Facts[TccStep.GrantChecksFact].Should().Be("7");
    }

    [Fact]
    public async Task Several_missing_grants_name_the_first_and_count_the_rest()
    {
        // Act
        var result = await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should()
            .StartWith($"waiting for the MDM's PPPC profile to grant {Accessibility} to {Agent}; MDMOverrides.plist: not there yet;")
            .And.EndWith("(and 1 more)");
    }

    [Fact]
    public async Task A_missing_user_database_says_it_appears_at_the_users_first_login()
    {
        // Arrange
        _overrides.Holds(Entry(Accessibility, Agent, "path"));
        _tcc.Statuses[(AppleEvents, "com.rig.agent")] = TccGrantStatus.UserDatabaseMissing;

        // Act
        var result = await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should()
            .EndWith($"TCC.db: rig's TCC.db, which holds {AppleEvents}, appears at rig's first login");
    }

    [Fact]
    public async Task Grants_that_arrived_since_the_last_check_are_done_and_verified_and_the_back_off_is_forgotten()
    {
        // Arrange
        await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);
        _overrides.Holds(Entry(Accessibility, Agent, "path"), Entry(AppleEvents, "com.rig.agent", "bundleID", Receiver));

        // Act
        var result = await _step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);
        var verify = await _step.VerifyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        result.Should().Be(ApplyResult.Succeeded);
        verify.Should().Be(VerifyResult.Passed);
        _facts.Facts.Should().NotContainKey(TccStep.GrantChecksFact);
    }

    [Fact]
    public async Task On_the_simulated_mac_the_step_waits_until_the_simulated_mdm_installs_the_profile()
    {
        // Arrange: a real simulated Mac with the real sqlite3; TCC.db never gets a row.
        using var root = new TempHostRoot();
        var mac = new SimulatedMac(root.Paths);
        var tcc = new SimulatedTcc(mac, new ProcessRunner(TimeProvider.System), TccDatabaseFile.DefaultTools);
        var mdm = new SimulatedMdm(mac);
        var step = new TccStep(Config, "rig", [], tcc, new TccPolicySources(mdm.MdmOverrides, mdm.InstalledProfiles));

        // Act
        var before = await step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);
        await mdm.InstallPppcProfileAsync(Config.Grants, CancellationToken.None);
        var after = await step.ApplyAsync(_facts.NewContext("tcc"), CancellationToken.None);
        var verify = await step.VerifyAsync(_facts.NewContext("tcc"), CancellationToken.None);

        // Assert
        before.Should().BeOfType<ApplyResult.WaitUntil>().Which.Reason.Should().Contain("MDMOverrides.plist does not exist").And.Contain("(and 1 more)");
        after.Should().Be(ApplyResult.Succeeded);
        verify.Should().Be(VerifyResult.Passed);
        _facts.Facts[TccStep.OutcomeFact].Should().Contain("MDMOverrides.plist: granted by MDMOverrides.plist").And.NotContain("TCC.db");
        File.Exists(root.Paths.MdmOverridesPath).Should().BeTrue();
    }

    private TccStep NewStep(TccConfig config) =>
        new(config, "rig", [BuiltInStepIds.Autologin, BuiltInStepIds.FirstDeploy], _tcc, new TccPolicySources(_overrides, _profiles));

    private static TccPolicyEntry Entry(
        string service, string client, string type, string? receiver = null,
        TccPolicyAuthorization authorization = TccPolicyAuthorization.Allow, string origin = "MDMOverrides.plist") =>
        new(service, client, type, receiver, authorization, Requirement, origin);

    private void GrantAllInDatabase()
    {
        foreach (var grant in Config.Grants)
        {
            _tcc.Statuses[(grant.Service, grant.Client)] = TccGrantStatus.Granted;
        }
    }
}
