using System.Collections.Immutable;
using System.Text;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>KeychainTool over a fake runner: exact argv, the value only on stdin (hex, masked), exit codes to kinds.</summary>
public sealed class KeychainToolTests : IDisposable
{
    private const string Service = "Claude Code-credentials";
    private const string Account = "claude";
    private const string Secret = "{\"claudeAiOauth\":{\"accessToken\":\"sk-ant-oat01-abc\"}}";
    private static readonly KeychainFile Login = KeychainFile.LoginKeychainOf("claude", "/Users/claude");

    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly KeychainTool _keychain;

    public KeychainToolTests() =>
        _keychain = new KeychainTool(_runner, new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty),
            new UserIds(_runner, new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty)));

    public void Dispose() => _toolsDir.Dispose();

    [Fact]
    public async Task Exists_runs_find_generic_password_in_the_named_keychain_in_its_users_session()
    {
        _runner.Then(0, stdout: "501\n").Then(0, stdout: "keychain: \"/Users/claude/Library/Keychains/login.keychain-db\"\n");

        var exists = await _keychain.ExistsAsync(Login, Service, Account, CancellationToken.None);

        exists.Should().BeTrue();
        _runner.Specs[0].Arguments.Should().Equal("-u", "claude");
        var spec = _runner.Specs[1];
        spec.FileName.Should().Be(Path.Join(_toolsDir.Paths.RootDirPath, "launchctl"));
        spec.Arguments.Should().Equal("asuser", "501", Path.Join(_toolsDir.Paths.RootDirPath, "sudo"), "-H", "-u", "claude", Path.Join(_toolsDir.Paths.RootDirPath, "security"),
            "find-generic-password", "-s", Service, "-a", Account, "/Users/claude/Library/Keychains/login.keychain-db");
        spec.UserName.Should().BeNull("the user's session is joined through asuser and sudo, not by switching uid alone");
    }

    [Fact]
    public async Task A_keychain_without_a_user_runs_security_directly()
    {
        _runner.Then(0);

        await _keychain.ExistsAsync(Login with { UserName = null }, Service, Account, CancellationToken.None);

        _runner.Specs.Single().FileName.Should().Be(Path.Join(_toolsDir.Paths.RootDirPath, "security"));
    }

    [Fact]
    public async Task An_unknown_user_fails_naming_agent_user_before_security_runs()
    {
        _runner.Then(1, stderr: "id: claude: no such user\n");

        var act = () => _keychain.ExistsAsync(Login, Service, Account, CancellationToken.None);

        (await act.Should().ThrowAsync<KeychainException>()).Which.Message.Should().Contain("agent.user").And.Contain("no such user");
        _runner.Specs.Should().ContainSingle();
    }

    [Fact]
    public async Task Exists_is_false_on_exit_44_with_the_real_not_found_message()
    {
        _runner.Then(0, stdout: "501\n").Then(44, stderr: MacOsFixtures.ReadText("security-find-generic-password-not-found.stderr.txt"));

        var exists = await _keychain.ExistsAsync(Login, Service, Account, CancellationToken.None);

        exists.Should().BeFalse();
    }

    [Fact]
    public async Task Read_returns_what_dash_w_printed_without_its_newline_and_null_when_absent()
    {
        _runner.Then(0, stdout: "501\n").Then(0, stdout: Secret + "\n").Then(0, stdout: "501\n").Then(44, stderr: MacOsFixtures.ReadText("security-find-generic-password-not-found.stderr.txt"));

        var present = await _keychain.ReadAsync(Login, Service, Account, CancellationToken.None);
        var absent = await _keychain.ReadAsync(Login, "other", Account, CancellationToken.None);

        present.Should().Be(Secret);
        absent.Should().BeNull();
        _runner.Specs[1].Arguments.Skip(7).Should().Equal("find-generic-password", "-s", Service, "-a", Account, "-w", Login.Path);
    }

    [Fact]
    public async Task Set_sends_one_add_command_to_security_dash_i_with_the_value_as_hex_on_stdin_only()
    {
        var hex = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Secret));

        _runner.Then(0, stdout: "501\n").Then(0);

        await _keychain.SetAsync(Login, Service, Account, Secret, CancellationToken.None);

        var spec = _runner.Specs[1];
        spec.Arguments.Skip(7).Should().Equal("-i");
        spec.Arguments.Should().NotContain(a => a.Contains(Secret, StringComparison.Ordinal));
        spec.StandardInput.Should().Be(StandardInput.FromText(
            $"add-generic-password -U -s \"{Service}\" -a \"{Account}\" -X {hex} \"{Login.Path}\"\n"));
        spec.Secrets.Should().BeEquivalentTo([Secret, hex]);
        spec.ToDisplayString().Should().NotContain(Secret).And.NotContain(hex);
    }

    [Fact]
    public async Task Set_escapes_quotes_and_backslashes_in_names_as_security_dash_i_splits_them()
    {
        _runner.Then(0, stdout: "501\n").Then(0);

        await _keychain.SetAsync(Login, "say \"hi\"", "a\\b", "v", CancellationToken.None);

        _runner.Specs[1].StandardInput.Should().Be(StandardInput.FromText(
            $"add-generic-password -U -s \"say \\\"hi\\\"\" -a \"a\\\\b\" -X 76 \"{Login.Path}\"\n"));
    }

    [Fact]
    public async Task A_locked_keychain_exit_36_throws_naming_the_item_and_the_unlock_without_the_value()
    {
        _runner.Then(0, stdout: "501\n").Then(36, stderr: "security: SecKeychainItemCreateFromContent (<default>): User interaction is not allowed.\n");

        var act = () => _keychain.SetAsync(Login, Service, Account, Secret, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<KeychainException>()).Which;
        thrown.Kind.Should().Be(SecurityErrorKind.InteractionNotAllowed);
        thrown.Message.Should().Contain(Service).And.Contain("unlock-keychain").And.Contain("exit 36").And.NotContain(Secret);
    }

    [Theory]
    [InlineData("security-asuser-unlock-keychain-bad-passphrase-login.txt")]
    [InlineData("security-asuser-unlock-keychain-bad-passphrase-apple-test.txt")]
    public async Task A_refused_passphrase_exit_51_is_auth_failed_with_securitys_own_words(string fixture)
    {
        var stderr = MacOsFixtures.ReadText(fixture);
        _runner.Then(0, stdout: "501\n").Then(51, stderr: stderr);

        var act = () => _keychain.SetAsync(Login, Service, Account, Secret, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<KeychainException>()).Which;
        thrown.Kind.Should().Be(SecurityErrorKind.AuthFailed);
        thrown.Message.Should().Contain("exit 51").And.Contain("SecKeychainUnlock").And.NotContain(Secret);
    }

    [Theory]
    [InlineData(51, SecurityErrorKind.AuthFailed)]
    [InlineData(45, SecurityErrorKind.DuplicateItem)]
    [InlineData(1, SecurityErrorKind.Other)]
    public async Task Other_exit_codes_of_a_lookup_throw_with_their_kind(int exitCode, SecurityErrorKind kind)
    {
        _runner.Then(0, stdout: "501\n").Then(exitCode, stderr: "security: failed\n");

        var act = () => _keychain.ExistsAsync(Login, Service, Account, CancellationToken.None);

        (await act.Should().ThrowAsync<KeychainException>()).Which.Kind.Should().Be(kind);
    }

    [Fact]
    public async Task A_value_too_long_for_one_interactive_line_is_refused_before_anything_runs()
    {
        var act = () => _keychain.SetAsync(Login, Service, Account, new string('x', 3000), CancellationToken.None);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("too long").And.NotContain("xxxx");
        _runner.Specs.Should().BeEmpty();
    }

    [Fact]
    public async Task A_name_with_a_line_break_is_refused_because_it_would_end_the_command()
    {
        var act = () => _keychain.SetAsync(Login, "two\nlines", Account, "v", CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>();
        _runner.Specs.Should().BeEmpty();
    }
}
