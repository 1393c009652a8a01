using System.Collections.Immutable;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>LoginWindowTool over a fake runner and a temporary host root: defaults, fdesetup, stat and /etc/kcpassword.</summary>
public sealed class LoginWindowToolTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly TempHostRoot _toolsDir = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly LoginWindowTool _loginWindow;

    public LoginWindowToolTests() =>
        _loginWindow = new LoginWindowTool(_runner, new ToolTable(_toolsDir.Paths.RootDirPath, ImmutableDictionary<string, string>.Empty), _root.Paths);

    public void Dispose()
    {
        _root.Dispose();
        _toolsDir.Dispose();
    }

    private string Tool(string name) => Path.Join(_toolsDir.Paths.RootDirPath, name);

    [Fact]
    public async Task The_autologin_user_is_read_from_the_system_loginwindow_preferences_by_path()
    {
        _runner.Then(0, stdout: "claude\n");

        var user = await _loginWindow.GetAutoLoginUserAsync(CancellationToken.None);

        user.Should().Be("claude");
        var spec = _runner.Specs.Single();
        spec.FileName.Should().Be(Tool("defaults"));
        spec.Arguments.Should().Equal("read", _root.Paths.Resolve("/Library/Preferences/com.apple.loginwindow"), "autoLoginUser");
    }

    [Fact]
    public async Task An_unset_autologin_user_is_null()
    {
        _runner.Then(1, stderr: "\nThe domain/default pair of (/Library/Preferences/com.apple.loginwindow, autoLoginUser) does not exist\n");

        var user = await _loginWindow.GetAutoLoginUserAsync(CancellationToken.None);

        user.Should().BeNull();
    }

    [Theory]
    [InlineData("FileVault is On.\n", true)]
    [InlineData("FileVault is Off.\n", false)]
    [InlineData("FileVault is Off, but will be enabled after the next restart.\n", true)]
    public async Task FileVault_counts_as_on_when_it_is_on_or_turns_on_at_the_next_restart(string stdout, bool expected)
    {
        _runner.Then(0, stdout: stdout);

        var on = await _loginWindow.IsFileVaultOnAsync(CancellationToken.None);

        on.Should().Be(expected);
        _runner.Specs.Single().FileName.Should().Be(Tool("fdesetup"));
        _runner.Specs.Single().Arguments.Should().Equal("status");
    }

    [Fact]
    public async Task Unreadable_fdesetup_output_throws_with_what_it_printed()
    {
        _runner.Then(0, stdout: "Something else entirely\n");

        var act = () => _loginWindow.IsFileVaultOnAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<LoginWindowException>()).Which.Message.Should().Contain("Something else entirely");
    }

    [Fact]
    public async Task Enabling_writes_a_0600_kcpassword_then_sets_the_user_and_no_password_reaches_argv()
    {
        await _loginWindow.EnableAutoLoginAsync("claude", "password", CancellationToken.None);

        var kcpasswordPath = _root.Paths.Resolve("/etc/kcpassword");
        Convert.ToHexStringLower(File.ReadAllBytes(kcpasswordPath)).Should().Be("0de82150a5d3af8ea3b91f7d", "the README's encoder vector for `password`");
        File.GetUnixFileMode(kcpasswordPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var spec = _runner.Specs.Single();
        spec.Arguments.Should().Equal("write", _root.Paths.Resolve("/Library/Preferences/com.apple.loginwindow"), "autoLoginUser", "-string", "claude");
        spec.Arguments.Should().NotContain("password");
        (await _loginWindow.ReadAutoLoginPasswordAsync(CancellationToken.None)).Should().Be("password");
    }

    [Fact]
    public async Task A_kcpassword_written_by_the_macOS_GUI_reads_back_as_its_password()
    {
        Directory.CreateDirectory(_root.Paths.Resolve("/etc"));
        File.Copy(Path.Join(MacOsFixtures.DirPath, "kcpassword-gui-password.bin"), _root.Paths.Resolve("/etc/kcpassword"));

        var password = await _loginWindow.ReadAutoLoginPasswordAsync(CancellationToken.None);

        password.Should().Be("password");
    }

    [Fact]
    public async Task A_missing_or_empty_kcpassword_reads_as_null()
    {
        var missing = await _loginWindow.ReadAutoLoginPasswordAsync(CancellationToken.None);
        Directory.CreateDirectory(_root.Paths.Resolve("/etc"));
        await File.WriteAllBytesAsync(_root.Paths.Resolve("/etc/kcpassword"), []);

        var empty = await _loginWindow.ReadAutoLoginPasswordAsync(CancellationToken.None);

        missing.Should().BeNull();
        empty.Should().BeNull();
    }

    [Fact]
    public async Task The_console_user_is_the_owner_of_dev_console()
    {
        _runner.Then(0, stdout: "claude\n");

        var user = await _loginWindow.GetConsoleUserAsync(CancellationToken.None);

        user.Should().Be("claude");
        _runner.Specs.Single().FileName.Should().Be(Tool("stat"));
        _runner.Specs.Single().Arguments.Should().Equal("-f", "%Su", "/dev/console");
    }

    [Theory]
    [InlineData(0, "1\n", "", true)]
    [InlineData(0, "0\n", "", false)]
    [InlineData(1, "", "\nDomain /Library/Managed Preferences/com.apple.loginwindow does not exist\n", false)]
    [InlineData(1, "", "\nThe domain/default pair of (/Library/Managed Preferences/com.apple.loginwindow, com.apple.login.mcx.DisableAutoLoginClient) does not exist\n", false)]
    public async Task A_profile_forbids_autologin_when_the_managed_DisableAutoLoginClient_is_true(int exitCode, string stdout, string stderr, bool forbidden)
    {
        _runner.Then(exitCode, stdout, stderr);

        var isForbidden = await _loginWindow.IsAutoLoginForbiddenByProfileAsync(CancellationToken.None);

        isForbidden.Should().Be(forbidden);
        _runner.Specs.Single().Arguments.Should().Equal(
            "read", _root.Paths.Resolve("/Library/Managed Preferences/com.apple.loginwindow"), "com.apple.login.mcx.DisableAutoLoginClient");
    }

    [Theory]
    [InlineData("AuthenticationAuthority: ;ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2,SRP-RFC5054-4096-SHA512-PBKDF2> ;SecureToken;\n", false)]
    [InlineData("AuthenticationAuthority: ;ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2> ;AppleID;someone@example.com ;SecureToken;\n", true)]
    [InlineData("AuthenticationAuthority:\n ;ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2>\n ;AppleID;someone@example.com\n", true)]
    public async Task An_AppleID_authority_means_the_account_uses_its_Apple_Account_password(string stdout, bool usesAppleAccount)
    {
        _runner.Then(0, stdout);

        var uses = await _loginWindow.UsesAppleAccountPasswordAsync("claude", CancellationToken.None);

        uses.Should().Be(usesAppleAccount);
        _runner.Specs.Single().FileName.Should().Be(Tool("dscl"));
        _runner.Specs.Single().Arguments.Should().Equal(".", "-read", "/Users/claude", "AuthenticationAuthority");
    }

    [Fact]
    public async Task An_unknown_account_is_an_error_naming_it()
    {
        _runner.Then(56, "", "<dscl_cmd> DS Error: -14136 (eDSRecordNotFound)\n");

        var act = () => _loginWindow.UsesAppleAccountPasswordAsync("nobody", CancellationToken.None);

        (await act.Should().ThrowAsync<LoginWindowException>()).WithMessage("*/Users/nobody*eDSRecordNotFound*local account*");
    }
}
