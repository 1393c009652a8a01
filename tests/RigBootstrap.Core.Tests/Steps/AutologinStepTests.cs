using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>The autologin step on the simulated Mac: apply parks it for a reboot, LogInAtBoot is the reboot, verify asks the console.</summary>
public sealed class AutologinStepTests : IDisposable
{
    private const string SopsSource = "/var/db/rig-bootstrap/fleet.sops.env";
    private const string Password = "c0rrect horse";
    private static readonly AutologinConfig Config = new() { User = "claude", PasswordSecret = "AGENT_PASSWORD" };

    private readonly TempHostRoot _root = new();
    private readonly SimulatedLoginWindow _loginWindow;
    private readonly string _envFilePath;

    public AutologinStepTests()
    {
        _loginWindow = new SimulatedLoginWindow(new SimulatedMac(_root.Paths));
        _envFilePath = Path.Join(_root.Paths.RootDirPath, "env");
        WriteEnv("AGENT_PASSWORD", Password);
    }

    public void Dispose() => _root.Dispose();

    private AutologinStep NewStep() => new(Config, new EnvFileSecretValues(_envFilePath), SopsSource, _loginWindow, [BuiltInStepIds.Secrets]);

    private void WriteEnv(string name, string value) => SecretFile.WriteAtomically(_envFilePath, $"{name}={EnvFileFormat.Quote(value)}\n");

    private static StepContext Context(bool afterReboot = false) =>
        new("autologin", 1, afterReboot ? "boot-2" : "boot-1", afterReboot, ImmutableSortedDictionary<string, string>.Empty, NullLogger.Instance, (_, _, _) => Task.CompletedTask);

    [Fact]
    public async Task Apply_sets_autologin_and_asks_for_a_reboot_after_which_verify_finds_the_user_at_the_console()
    {
        var step = NewStep();
        var before = await step.ProbeAsync(Context(), CancellationToken.None);

        var applied = await step.ApplyAsync(Context(), CancellationToken.None);
        var verifiedBeforeReboot = await step.VerifyAsync(Context(), CancellationToken.None);
        _loginWindow.LogInAtBoot();
        var verifiedAfterReboot = await step.VerifyAsync(Context(afterReboot: true), CancellationToken.None);

        before.Should().BeFalse();
        applied.Should().Be(new ApplyResult.NeedsReboot("autologin takes effect at the next boot"));
        verifiedBeforeReboot.Problem.Should().Contain("next boot");
        verifiedAfterReboot.Should().Be(VerifyResult.Passed);
        (await step.ProbeAsync(Context(afterReboot: true), CancellationToken.None)).Should().BeTrue();
        step.Traits.MayNeedReboot.Should().BeTrue();
        step.DependsOn.Should().Equal("secrets");
    }

    [Fact]
    public async Task Autologin_set_up_but_not_yet_in_effect_is_not_in_place_so_the_reboot_is_still_asked_for()
    {
        await _loginWindow.EnableAutoLoginAsync("claude", Password, CancellationToken.None);
        var step = NewStep();

        var probed = await step.ProbeAsync(Context(), CancellationToken.None);

        probed.Should().BeFalse();
    }

    [Fact]
    public async Task FileVault_on_fails_for_good_explaining_authrestart_and_changes_nothing()
    {
        _loginWindow.SetFileVault(on: true);
        var step = NewStep();

        var applied = await step.ApplyAsync(Context(), CancellationToken.None);

        var fail = applied.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().Contain("FileVault").And.Contain("fdesetup authrestart").And.Contain("rig-bootstrap retry autologin");
        File.Exists(_root.Paths.Resolve("/etc/kcpassword")).Should().BeFalse();
        (await _loginWindow.GetAutoLoginUserAsync(CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_password_secret_the_SOPS_file_lacks_fails_for_good_naming_both()
    {
        WriteEnv("OTHER", "x");
        var step = NewStep();

        var applied = await step.ApplyAsync(Context(), CancellationToken.None);

        var fail = applied.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().Contain("AGENT_PASSWORD").And.Contain(SopsSource);
    }

    [Fact]
    public async Task A_wrong_password_shows_after_the_reboot_as_nobody_at_the_console_and_verify_says_which_secret()
    {
        _loginWindow.SetAccountPassword("claude", "the real one");
        var step = NewStep();
        await step.ApplyAsync(Context(), CancellationToken.None);

        _loginWindow.LogInAtBoot();
        var verified = await step.VerifyAsync(Context(afterReboot: true), CancellationToken.None);

        verified.Ok.Should().BeFalse();
        verified.Problem.Should().Contain("root").And.Contain("AGENT_PASSWORD").And.Contain("login password").And.NotContain(Password);
    }

    [Fact]
    public async Task A_changed_password_secret_makes_the_setting_stale_and_apply_writes_the_new_one()
    {
        var step = NewStep();
        await step.ApplyAsync(Context(), CancellationToken.None);
        _loginWindow.LogInAtBoot();
        WriteEnv("AGENT_PASSWORD", "new password");

        var probed = await step.ProbeAsync(Context(), CancellationToken.None);
        await step.ApplyAsync(Context(), CancellationToken.None);

        probed.Should().BeFalse();
        (await _loginWindow.ReadAutoLoginPasswordAsync(CancellationToken.None)).Should().Be("new password");
    }

    [Fact]
    public async Task A_profile_that_forbids_autologin_halts_the_step_with_the_MDM_alternative_before_any_reboot()
    {
        _loginWindow.SetAutoLoginForbiddenByProfile(true);
        var step = NewStep();

        var applied = await step.ApplyAsync(Context(), CancellationToken.None);

        var fail = applied.Should().BeOfType<ApplyResult.Fail>().Which;
        fail.Retryable.Should().BeFalse("a profile does not change by itself: an operator must act");
        fail.Reason.Should().Contain("com.apple.login.mcx.DisableAutoLoginClient").And.Contain("AutologinUsername").And.Contain("rig-bootstrap retry autologin");
        (await _loginWindow.GetAutoLoginUserAsync(CancellationToken.None)).Should().BeNull("nothing was changed");
        File.Exists(_root.Paths.KcPasswordPath).Should().BeFalse();
    }

    [Fact]
    public async Task An_account_that_signs_in_with_its_Apple_Account_password_is_refused_with_the_fix()
    {
        _loginWindow.UseAppleAccountPassword("claude");
        var step = NewStep();

        var applied = await step.ApplyAsync(Context(), CancellationToken.None);

        var fail = applied.Should().BeOfType<ApplyResult.Fail>().Which;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().Contain("Apple Account password").And.Contain(";AppleID;").And.Contain("AGENT_PASSWORD");
        fail.Reason.Should().NotContain(Password);
        File.Exists(_root.Paths.KcPasswordPath).Should().BeFalse();
    }
}
