using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Age;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.Secrets.TestKit;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Secrets;

/// <summary>The in-process age: key files as age-keygen writes them, and SOPS data keys unwrapped without running age.</summary>
public sealed class InProcessAgeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly TempHostRoot _temp = new();
    private readonly IAge _age = new InProcessAge(new FakeTimeProvider(Now));

    private string KeyPath => Path.Join(_temp.Paths.RootDirPath, "key.txt");

    [Fact]
    public async Task A_generated_key_is_0600_and_reads_back_as_the_recipient_it_reported()
    {
        // Act
        var recipient = await _age.GenerateKeyAsync(KeyPath, CancellationToken.None);

        // Assert
        recipient.Should().MatchRegex("^age1[0-9a-z]{58}$");
        File.GetUnixFileMode(KeyPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (await _age.ReadRecipientAsync(KeyPath, CancellationToken.None)).Should().Be(recipient);
        File.ReadAllText(KeyPath).Should().MatchRegex($"^# created: 2026-12-03T10:00:00Z\n# public key: {recipient}\nAGE-SECRET-KEY-1[0-9A-Z]{{58}}\n$");
        Directory.GetFiles(_temp.Paths.RootDirPath).Should().Equal(KeyPath);
    }

    [Fact]
    public async Task A_leftover_temporary_key_from_a_crash_is_removed_and_a_new_key_made()
    {
        // Arrange: a crash between writing the temporary file and linking it leaves this behind; it was never published.
        var leftover = Path.Join(_temp.Paths.RootDirPath, ".key.txt.0123456789abcdef.tmp");
        File.WriteAllText(leftover, "AGE-SECRET-KEY-1PARTIAL");

        // Act
        await _age.GenerateKeyAsync(KeyPath, CancellationToken.None);

        // Assert
        File.Exists(leftover).Should().BeFalse();
        Directory.GetFiles(_temp.Paths.RootDirPath).Should().Equal(KeyPath);
    }

    [Fact]
    public async Task Generating_over_a_dangling_symlink_is_refused_and_leaves_it()
    {
        // Arrange
        File.CreateSymbolicLink(KeyPath, Path.Join(_temp.Paths.RootDirPath, "nowhere"));

        // Act
        var act = () => _age.GenerateKeyAsync(KeyPath, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<AgeException>()).Which.Kind.Should().Be(AgeErrorKind.KeyFileExists);
        File.Exists(Path.Join(_temp.Paths.RootDirPath, "nowhere")).Should().BeFalse();
    }

    [Fact]
    public async Task Generating_over_an_existing_key_is_refused_and_leaves_it_untouched()
    {
        // Arrange
        await _age.GenerateKeyAsync(KeyPath, CancellationToken.None);
        var before = File.ReadAllBytes(KeyPath);

        // Act
        var act = () => _age.GenerateKeyAsync(KeyPath, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<AgeException>()).Which.Kind.Should().Be(AgeErrorKind.KeyFileExists);
        File.ReadAllBytes(KeyPath).Should().Equal(before);
    }

    [Fact]
    public async Task Reading_a_missing_key_says_it_does_not_exist()
    {
        var act = () => _age.ReadRecipientAsync(KeyPath, CancellationToken.None);

        (await act.Should().ThrowAsync<AgeException>()).Which.Kind.Should().Be(AgeErrorKind.KeyFileMissing);
    }

    [Theory]
    [InlineData("garbage\n")]
    [InlineData("")]
    [InlineData("# public key: age17leqntv7zcdtepju0ekcuwxzmrkwxaa3svh33n8xxa2qxh7jayvq47ucnq\n")]
    public async Task A_key_file_without_an_identity_is_unreadable(string content)
    {
        // Arrange
        File.WriteAllText(KeyPath, content);

        // Act
        var act = () => _age.ReadRecipientAsync(KeyPath, CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<AgeException>()).Which;
        error.Kind.Should().Be(AgeErrorKind.KeyFileUnreadable);
        error.Message.Should().Contain(KeyPath);
    }

    [Fact]
    public async Task The_redacted_key_file_fixture_is_unreadable()
    {
        // Arrange
        File.WriteAllText(KeyPath, MacOsFixtures.ReadText("age-keygen-keyfile-redacted.txt"));

        // Act
        var act = () => _age.ReadRecipientAsync(KeyPath, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<AgeException>()).Which.Kind.Should().Be(AgeErrorKind.KeyFileUnreadable);
    }

    [Fact]
    public async Task The_fixture_keys_read_as_the_recipients_their_files_list()
    {
        (await _age.ReadRecipientAsync(SopsFixtures.PathOf("kustomize-controller/age.txt"), CancellationToken.None))
            .Should().Be(SopsFixtures.KustomizeRecipient);
    }

    [Fact]
    public async Task Decrypting_env_envs_age_entry_gives_the_readmes_32_byte_data_key()
    {
        // Arrange
        var document = RigBootstrap.Core.Secrets.SopsFileReader.Read(SopsFixtures.PathOf("kustomize-controller/env.env"));

        // Act
        var dataKey = await _age.DecryptAsync(document.Metadata.AgeRecipients[0].EncryptedDataKey, SopsFixtures.PathOf("kustomize-controller/age.txt"), CancellationToken.None);

        // Assert
        Convert.ToHexStringLower(dataKey).Should().Be(SopsFixtures.EnvEnvDataKeyHex);
    }

    [Fact]
    public async Task Decrypting_with_another_identity_says_no_identity_matched()
    {
        // Arrange
        var document = RigBootstrap.Core.Secrets.SopsFileReader.Read(SopsFixtures.PathOf("kustomize-controller/env.env"));

        // Act
        var act = () => _age.DecryptAsync(document.Metadata.AgeRecipients[0].EncryptedDataKey, SopsFixtures.PathOf("helm-secrets/key.txt"), CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<AgeException>()).Which.Kind.Should().Be(AgeErrorKind.NoIdentityMatched);
    }

    [Theory]
    [InlineData("junk\n")]
    [InlineData("-----BEGIN AGE ENCRYPTED FILE-----\nnot base64 !!\n-----END AGE ENCRYPTED FILE-----\n")]
    public async Task Decrypting_something_that_is_not_an_age_message_is_an_armor_fault(string armored)
    {
        var act = () => _age.DecryptAsync(armored, SopsFixtures.PathOf("helm-secrets/key.txt"), CancellationToken.None);

        (await act.Should().ThrowAsync<AgeException>()).Which.Kind.Should().Be(AgeErrorKind.ArmorInvalid);
    }

    [Fact]
    public async Task Every_sops_fixtures_key_reads_as_a_recipient_its_files_list()
    {
        foreach (var fixture in SopsFixtures.All)
        {
            var recipient = await _age.ReadRecipientAsync(SopsFixtures.PathOf(fixture.Key), CancellationToken.None);

            RigBootstrap.Core.Secrets.SopsFileReader.Read(SopsFixtures.PathOf(fixture.File)).Metadata.AgeRecipients
                .Select(r => r.Recipient).Should().Contain(recipient, fixture.File);
        }
    }

    public void Dispose() => _temp.Dispose();
}
