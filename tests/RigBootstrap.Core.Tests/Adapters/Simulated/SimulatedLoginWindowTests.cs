using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.Simulated;

public sealed class SimulatedLoginWindowTests : IDisposable
{
    private readonly TempHostRoot _root = new();
    private readonly SimulatedLoginWindow _loginWindow;

    public SimulatedLoginWindowTests() => _loginWindow = new SimulatedLoginWindow(new SimulatedMac(_root.Paths));

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Autologin_set_now_logs_the_user_in_only_at_the_next_boot()
    {
        await _loginWindow.EnableAutoLoginAsync("claude", "pw", CancellationToken.None);
        var beforeBoot = await _loginWindow.GetConsoleUserAsync(CancellationToken.None);

        var loggedIn = _loginWindow.LogInAtBoot();

        beforeBoot.Should().Be("root");
        loggedIn.Should().Be("claude");
        (await _loginWindow.GetConsoleUserAsync(CancellationToken.None)).Should().Be("claude");
        (await _loginWindow.GetAutoLoginUserAsync(CancellationToken.None)).Should().Be("claude");
        (await _loginWindow.ReadAutoLoginPasswordAsync(CancellationToken.None)).Should().Be("pw");
        File.GetUnixFileMode(_root.Paths.Resolve("/etc/kcpassword")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task With_FileVault_on_the_boot_stops_at_the_login_window()
    {
        await _loginWindow.EnableAutoLoginAsync("claude", "pw", CancellationToken.None);
        _loginWindow.SetFileVault(on: true);

        var loggedIn = _loginWindow.LogInAtBoot();

        loggedIn.Should().BeNull();
        (await _loginWindow.GetConsoleUserAsync(CancellationToken.None)).Should().Be("root");
        (await _loginWindow.IsFileVaultOnAsync(CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task A_kcpassword_that_is_not_the_account_password_logs_nobody_in()
    {
        _loginWindow.SetAccountPassword("claude", "right");
        await _loginWindow.EnableAutoLoginAsync("claude", "wrong", CancellationToken.None);

        var loggedIn = _loginWindow.LogInAtBoot();

        loggedIn.Should().BeNull();
    }

    [Fact]
    public async Task Without_autologin_a_boot_logs_nobody_in_and_a_later_boot_logs_out_whoever_was_in()
    {
        var first = _loginWindow.LogInAtBoot();
        await _loginWindow.EnableAutoLoginAsync("claude", "pw", CancellationToken.None);
        _loginWindow.LogInAtBoot();
        File.Delete(_root.Paths.Resolve("/etc/kcpassword"));

        var third = _loginWindow.LogInAtBoot();

        first.Should().BeNull();
        third.Should().BeNull();
        (await _loginWindow.GetConsoleUserAsync(CancellationToken.None)).Should().Be("root");
    }
}
