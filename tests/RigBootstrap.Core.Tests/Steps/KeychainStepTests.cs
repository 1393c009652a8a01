using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>The keychain step on the simulated Mac, with the values in a real env file as the secrets step writes it.</summary>
public sealed class KeychainStepTests : IDisposable
{
    private const string SopsSource = "/var/db/rig-bootstrap/fleet.sops.env";
    private const string Credentials = "{\"claudeAiOauth\":{\"accessToken\":\"sk-ant-oat01-abc\"}}";
    private static readonly KeychainFile Login = KeychainFile.LoginKeychainOf("claude", "/Users/claude");
    private static readonly KeychainConfig Config = new()
    {
        Items =
        [
            new KeychainItemConfig { Service = "Claude Code-credentials", Account = "claude", Secret = "CLAUDE_OAUTH_JSON" },
            new KeychainItemConfig { Service = "npm-token", Account = "ci", Secret = "NPM_TOKEN" },
        ],
    };

    private readonly TempHostRoot _root = new();
    private readonly SimulatedKeychain _keychain;
    private readonly string _envFilePath;

    public KeychainStepTests()
    {
        _keychain = new SimulatedKeychain(new SimulatedMac(_root.Paths));
        _envFilePath = Path.Join(_root.Paths.RootDirPath, "env");
        WriteEnv(("CLAUDE_OAUTH_JSON", Credentials), ("NPM_TOKEN", "npm_abc"));
        // macOS made the login keychain at the user's first login.
        Directory.CreateDirectory(Path.GetDirectoryName(LoginKeychainFilePath)!);
        File.WriteAllText(LoginKeychainFilePath, "");
    }

    private string LoginKeychainFilePath => _root.Paths.Resolve(Login.Path);

    public void Dispose() => _root.Dispose();

    private KeychainStep NewStep(KeychainConfig? config = null) =>
        new(config ?? Config, Login, new EnvFileSecretValues(_envFilePath), SopsSource, _keychain, [BuiltInStepIds.Secrets], _root.Paths);

    private void WriteEnv(params (string Name, string Value)[] values) =>
        SecretFile.WriteAtomically(_envFilePath, string.Concat(values.Select(v => $"{v.Name}={EnvFileFormat.Quote(v.Value)}\n")));

    private static StepContext Context() =>
        new("keychain", 1, "boot-1", afterReboot: false, ImmutableSortedDictionary<string, string>.Empty, NullLogger.Instance, (_, _, _) => Task.CompletedTask);

    [Fact]
    public async Task Missing_items_are_set_from_the_secrets_verified_and_then_probed_as_in_place()
    {
        var step = NewStep();
        var before = await step.ProbeAsync(Context(), CancellationToken.None);

        var applied = await step.ApplyAsync(Context(), CancellationToken.None);
        var verified = await step.VerifyAsync(Context(), CancellationToken.None);

        before.Should().BeFalse();
        applied.Should().Be(ApplyResult.Succeeded);
        verified.Should().Be(VerifyResult.Passed);
        (await step.ProbeAsync(Context(), CancellationToken.None)).Should().BeTrue();
        (await _keychain.ReadAsync(Login, "Claude Code-credentials", "claude", CancellationToken.None)).Should().Be(Credentials);
        step.Id.Should().Be("keychain");
        step.DependsOn.Should().Equal("secrets");
        step.Traits.MayNeedReboot.Should().BeFalse();
    }

    [Fact]
    public async Task An_item_with_a_stale_value_is_not_in_place_and_apply_updates_it()
    {
        var step = NewStep();
        await step.ApplyAsync(Context(), CancellationToken.None);
        WriteEnv(("CLAUDE_OAUTH_JSON", "rotated"), ("NPM_TOKEN", "npm_abc"));

        var probed = await step.ProbeAsync(Context(), CancellationToken.None);
        await step.ApplyAsync(Context(), CancellationToken.None);

        probed.Should().BeFalse();
        (await _keychain.ReadAsync(Login, "Claude Code-credentials", "claude", CancellationToken.None)).Should().Be("rotated");
    }

    [Fact]
    public async Task A_secret_name_the_SOPS_file_lacks_fails_for_good_naming_both_and_writes_nothing()
    {
        WriteEnv(("CLAUDE_OAUTH_JSON", Credentials));
        var step = NewStep();

        var applied = await step.ApplyAsync(Context(), CancellationToken.None);

        var fail = applied.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().Contain("NPM_TOKEN").And.Contain(SopsSource).And.Contain("items[1]").And.Contain("rig-bootstrap retry keychain");
        Directory.Exists(_keychain.DirPath).Should().BeFalse("no item is written when any value is missing");
    }

    [Fact]
    public async Task A_locked_login_keychain_makes_the_step_wait_for_the_user_to_log_in()
    {
        _keychain.Lock(Login);
        var step = NewStep();

        var probed = await step.ProbeAsync(Context(), CancellationToken.None);
        var applied = await step.ApplyAsync(Context(), CancellationToken.None);

        probed.Should().BeFalse();
        var wait = applied.Should().BeOfType<ApplyResult.WaitUntil>().Subject;
        wait.Reason.Should().Contain("exists but is locked").And.Contain("claude").And.Contain("launchctl asuser").And.Contain(Login.Path);
        wait.Reason.Should().NotContain(Credentials);
    }

    [Fact]
    public async Task A_keychain_still_locked_while_its_user_owns_the_console_fails_naming_both_causes_instead_of_waiting_forever()
    {
        // Arrange
        _keychain.Lock(Login);
        var loginWindow = new SimulatedLoginWindow(new SimulatedMac(_root.Paths));
        loginWindow.LogInAtConsole("claude");
        var step = new KeychainStep(Config, Login, new EnvFileSecretValues(_envFilePath), SopsSource, _keychain, [BuiltInStepIds.Secrets], _root.Paths, loginWindow);

        // Act
        var applied = await step.ApplyAsync(Context(), CancellationToken.None);

        // Assert
        var fail = applied.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeTrue("right after a login the keychain may still be unlocking; the attempt budget bounds it");
        fail.Reason.Should().Contain("although claude owns the console").And.Contain("security set-keychain-password")
            .And.Contain("launchctl asuser").And.Contain("rig-bootstrap retry keychain").And.NotContain(Credentials);
    }

    [Fact]
    public async Task Without_autologin_for_its_user_the_wait_says_nothing_will_log_it_in_by_itself()
    {
        // Arrange
        File.Delete(LoginKeychainFilePath);
        var step = new KeychainStep(Config, Login, new EnvFileSecretValues(_envFilePath), SopsSource, _keychain, [BuiltInStepIds.Secrets], _root.Paths,
            login: new AgentLoginHint("claude", ByAutologin: false));

        // Act
        var applied = await step.ApplyAsync(Context(), CancellationToken.None);

        // Assert
        var wait = applied.Should().BeOfType<ApplyResult.WaitUntil>().Subject;
        wait.Reason.Should().Contain("steps.autologin does not log claude in, so nothing will by itself").And.NotContain("Autologin logs");
    }

    [Fact]
    public async Task With_no_login_keychain_file_the_step_waits_for_the_first_login_without_asking_security()
    {
        File.Delete(LoginKeychainFilePath);
        var step = NewStep();

        var applied = await step.ApplyAsync(Context(), CancellationToken.None);

        var wait = applied.Should().BeOfType<ApplyResult.WaitUntil>().Subject;
        wait.Reason.Should().Contain("does not exist yet").And.Contain("first login").And.NotContain("locked");
        Directory.Exists(_keychain.DirPath).Should().BeFalse("nothing is written to a keychain that does not exist");
    }

    [Fact]
    public async Task Verify_fails_naming_the_item_when_the_keychain_holds_something_else()
    {
        var step = NewStep();
        await step.ApplyAsync(Context(), CancellationToken.None);
        await _keychain.SetAsync(Login, "npm-token", "ci", "tampered", CancellationToken.None);

        var verified = await step.VerifyAsync(Context(), CancellationToken.None);

        verified.Ok.Should().BeFalse();
        verified.Problem.Should().Contain("npm-token/ci").And.Contain("NPM_TOKEN").And.NotContain("tampered").And.NotContain("npm_abc");
    }
}
