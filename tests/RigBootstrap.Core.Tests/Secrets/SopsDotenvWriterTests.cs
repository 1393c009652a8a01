using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Age;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.Secrets.TestKit;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Processes;

namespace RigBootstrap.Core.Tests.Secrets;

/// <summary>The SOPS dotenv writer, with the in-process age, checked by the existing reader.</summary>
public sealed class SopsDotenvWriterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    private readonly TempHostRoot _temp = new();
    private readonly IAge _age = TestAge.Create();
    private readonly IAgeEncryptor _encryptor = new InProcessAgeEncryptor();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly SopsFileDecryptor _decryptor = new(TestAge.Create());

    private string KeyPath => Path.Join(_temp.Paths.RootDirPath, "key.txt");

    private string FilePath => Path.Join(_temp.Paths.RootDirPath, "secrets.env");

    public static TheoryData<string, string> TamperedFields => new()
    {
        { "API_TOKEN=", "data" },
        { "API_TOKEN=", "iv" },
        { "API_TOKEN=", "tag" },
        { "sops_mac=", "data" },
        { "sops_mac=", "tag" },
    };

    [Fact]
    public async Task A_file_written_for_a_fresh_key_opens_with_the_reader_to_the_same_values_in_order()
    {
        // Arrange
        var recipient = await _age.GenerateKeyAsync(KeyPath, CancellationToken.None);
        (string, string)[] values = [("API_TOKEN", "s3cr3t"), ("DB_PASSWORD", "hunter2"), ("REGION", "eu-west-1")];

        // Act
        await WriteAsync(values, [recipient]);
        var plaintext = await _decryptor.DecryptAsync(FilePath, KeyPath, recipient, CancellationToken.None);

        // Assert
        plaintext.Values.Select(v => (v.Name, v.Value)).Should().Equal(values);
    }

    [Fact]
    public async Task A_file_for_two_recipients_opens_with_the_fixture_key_and_with_the_fresh_key()
    {
        // Arrange
        var fresh = await _age.GenerateKeyAsync(KeyPath, CancellationToken.None);
        var fixtureKeyPath = SopsFixtures.PathOf("kustomize-controller/age.txt");

        // Act
        var text = await WriteAsync([("key", "value")], [fresh, SopsFixtures.KustomizeRecipient]);
        var withFixtureKey = await _decryptor.DecryptAsync(FilePath, fixtureKeyPath, SopsFixtures.KustomizeRecipient, CancellationToken.None);
        var withFreshKey = await _decryptor.DecryptAsync(FilePath, KeyPath, null, CancellationToken.None);

        // Assert
        withFixtureKey.Find("key").Should().Be("value");
        withFreshKey.Find("key").Should().Be("value");
        text.Should().Contain($"sops_age__list_0__map_recipient={fresh}\n")
            .And.Contain($"sops_age__list_1__map_recipient={SopsFixtures.KustomizeRecipient}\n");
    }

    [Fact]
    public async Task Values_with_equals_signs_quotes_spaces_newlines_and_unicode_round_trip_unchanged()
    {
        // Arrange
        var recipient = await _age.GenerateKeyAsync(KeyPath, CancellationToken.None);
        (string, string)[] values =
        [
            ("CONNECTION", "Server=db;User Id=\"sa\";Password='p=a ss'"),
            ("GREETING", "  Grüße, 世界 🔐  "),
            ("MULTI_LINE", "line one\nline two\\n not a newline\r\n"),
            ("HASHED", "#not a comment"),
            ("EMPTY", ""),
        ];

        // Act
        await WriteAsync(values, [recipient]);
        var plaintext = await _decryptor.DecryptAsync(FilePath, KeyPath, recipient, CancellationToken.None);

        // Assert
        plaintext.Values.Select(v => (v.Name, v.Value)).Should().Equal(values);
    }

    [Theory]
    [MemberData(nameof(TamperedFields))]
    public async Task The_reader_refuses_a_written_file_with_one_flipped_byte_as_tampered(string anchor, string field)
    {
        // Arrange
        var recipient = await _age.GenerateKeyAsync(KeyPath, CancellationToken.None);
        var text = await WriteAsync([("API_TOKEN", "s3cr3t"), ("REGION", "eu-west-1")], [recipient]);
        File.WriteAllText(FilePath, Tamper.FlipByte(text, anchor, field));

        // Act
        var act = () => _decryptor.DecryptAsync(FilePath, KeyPath, recipient, CancellationToken.None);

        // Assert
        var error = (await act.Should().ThrowAsync<SopsException>()).Which;
        error.Kind.Should().Be(SopsErrorKind.Tampered);
        error.Message.Should().NotContain("s3cr3t");
    }

    [Fact]
    public async Task The_file_has_the_values_then_sorted_sops_metadata_with_the_clock_time_and_32_byte_ivs()
    {
        // Arrange
        var recipient = await _age.GenerateKeyAsync(KeyPath, CancellationToken.None);

        // Act
        var text = await WriteAsync([("B_NAME", "b"), ("A_NAME", "a")], [recipient]);

        // Assert
        var lines = text.Split('\n');
        lines[^1].Should().BeEmpty("every line ends with a newline");
        lines[..^1].Select(l => l[..l.IndexOf('=')]).Should().Equal(
            "B_NAME", "A_NAME", "sops_age__list_0__map_enc", "sops_age__list_0__map_recipient",
            "sops_lastmodified", "sops_mac", "sops_unencrypted_suffix", "sops_version");
        lines.Should().Contain(["sops_lastmodified=2026-03-04T05:06:07Z", "sops_unencrypted_suffix=_unencrypted", "sops_version=3.9.0"]);
        lines[2].Should().StartWith("sops_age__list_0__map_enc=-----BEGIN AGE ENCRYPTED FILE-----\\n")
            .And.EndWith("-----END AGE ENCRYPTED FILE-----\\n");
        foreach (var line in lines.Where(l => l.Contains("ENC[", StringComparison.Ordinal)))
        {
            var value = SopsEncryptedValue.TryParse(line[(line.IndexOf('=') + 1)..]);
            value.Should().NotBeNull(line);
            value!.Iv.Should().HaveCount(32);
            value.Type.Should().Be("str");
        }
    }

    [Fact]
    public async Task Each_write_uses_a_fresh_data_key_and_fresh_ivs()
    {
        // Arrange
        var recipient = await _age.GenerateKeyAsync(KeyPath, CancellationToken.None);

        // Act
        var first = await SopsDotenvWriter.EncryptAsync([("KEY", "same")], [recipient], _encryptor, _time, CancellationToken.None);
        var second = await SopsDotenvWriter.EncryptAsync([("KEY", "same")], [recipient], _encryptor, _time, CancellationToken.None);

        // Assert
        var firstLines = first.Split('\n');
        var secondLines = second.Split('\n');
        firstLines[0].Should().NotBe(secondLines[0]);
        firstLines[1].Should().NotBe(secondLines[1], "the data key is wrapped anew");
    }

    [Theory]
    [InlineData("BAD=NAME")]
    [InlineData("BAD\nNAME")]
    [InlineData("BAD NAME")]
    [InlineData("#COMMENT")]
    [InlineData("")]
    [InlineData("sops_mac")]
    [InlineData("TOKEN_unencrypted")]
    public async Task A_name_the_reader_would_misread_is_refused_without_showing_the_value(string name)
    {
        // Act
        var act = () => SopsDotenvWriter.EncryptAsync([(name, "top-secret-value")], [SopsFixtures.KustomizeRecipient], _encryptor, _time, CancellationToken.None);

        // Assert
        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().NotContain("top-secret-value");
    }

    [Fact]
    public async Task A_name_given_twice_is_refused()
    {
        var act = () => SopsDotenvWriter.EncryptAsync([("KEY", "a"), ("KEY", "b")], [SopsFixtures.KustomizeRecipient], _encryptor, _time, CancellationToken.None);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("KEY");
    }

    [Fact]
    public async Task A_value_that_is_not_valid_unicode_is_refused_naming_only_its_variable()
    {
        var act = () => SopsDotenvWriter.EncryptAsync([("KEY", "secret\uD800")], [SopsFixtures.KustomizeRecipient], _encryptor, _time, CancellationToken.None);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("KEY").And.NotContain("secret");
    }

    [Fact]
    public async Task No_recipient_is_refused()
    {
        var act = () => SopsDotenvWriter.EncryptAsync([("KEY", "value")], [], _encryptor, _time, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task A_recipient_that_is_not_age1_fails_with_an_age_error_naming_it()
    {
        var act = () => SopsDotenvWriter.EncryptAsync([("KEY", "value")], ["age1notarecipient"], _encryptor, _time, CancellationToken.None);

        var error = (await act.Should().ThrowAsync<AgeException>()).Which;
        error.Kind.Should().Be(AgeErrorKind.RecipientInvalid);
        error.Message.Should().Contain("age1notarecipient");
    }

    public void Dispose() => _temp.Dispose();

    private async Task<string> WriteAsync(IReadOnlyList<(string Name, string Value)> values, IReadOnlyList<string> recipients)
    {
        var text = await SopsDotenvWriter.EncryptAsync(values, recipients, _encryptor, _time, CancellationToken.None);
        await File.WriteAllTextAsync(FilePath, text);
        return text;
    }
}
