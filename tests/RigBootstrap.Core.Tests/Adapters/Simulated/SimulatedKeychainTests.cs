using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Adapters.Simulated;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Adapters.Simulated;

public sealed class SimulatedKeychainTests : IDisposable
{
    private static readonly KeychainFile Login = KeychainFile.LoginKeychainOf("claude", "/Users/claude");

    private readonly TempHostRoot _root = new();
    private readonly SimulatedKeychain _keychain;

    public SimulatedKeychainTests() => _keychain = new SimulatedKeychain(new SimulatedMac(_root.Paths));

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task An_item_set_once_exists_reads_back_and_is_updated_in_place()
    {
        var before = await _keychain.ExistsAsync(Login, "svc", "acct", CancellationToken.None);

        await _keychain.SetAsync(Login, "svc", "acct", "first", CancellationToken.None);
        await _keychain.SetAsync(Login, "svc", "acct", "second", CancellationToken.None);

        before.Should().BeFalse();
        (await _keychain.ExistsAsync(Login, "svc", "acct", CancellationToken.None)).Should().BeTrue();
        (await _keychain.ReadAsync(Login, "svc", "acct", CancellationToken.None)).Should().Be("second");
        (await _keychain.ReadAsync(Login, "svc", "other", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Items_are_0600_files_whose_names_reveal_neither_the_value_nor_the_names()
    {
        await _keychain.SetAsync(Login, "Claude Code-credentials", "claude", "s3cret-value", CancellationToken.None);

        var files = Directory.GetFiles(_keychain.DirPath);
        files.Should().ContainSingle();
        File.GetUnixFileMode(files[0]).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Path.GetFileName(files[0]).Should().NotContain("s3cret").And.NotContain("Claude");
    }

    [Fact]
    public async Task The_same_service_and_account_in_another_keychain_is_another_item()
    {
        var other = KeychainFile.LoginKeychainOf("builder", "/Users/builder");
        await _keychain.SetAsync(Login, "svc", "acct", "for claude", CancellationToken.None);

        var inOther = await _keychain.ExistsAsync(other, "svc", "acct", CancellationToken.None);

        inOther.Should().BeFalse();
    }

    [Fact]
    public async Task A_locked_keychain_refuses_like_security_under_launchd_until_unlocked()
    {
        _keychain.Lock(Login);

        var act = () => _keychain.SetAsync(Login, "svc", "acct", "v", CancellationToken.None);

        (await act.Should().ThrowAsync<KeychainException>()).Which.Kind.Should().Be(SecurityErrorKind.InteractionNotAllowed);
        _keychain.Unlock(Login);
        await _keychain.SetAsync(Login, "svc", "acct", "v", CancellationToken.None);
        (await _keychain.ReadAsync(Login, "svc", "acct", CancellationToken.None)).Should().Be("v");
    }
}
