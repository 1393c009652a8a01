using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Tests.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Secrets;

/// <summary>The age-keygen fixtures (tests/Fixtures/macos/age-keygen-*), and output that is not what we expect.</summary>
public sealed class AgeOutputParserTests
{
    private const string FixtureRecipient = "age17leqntv7zcdtepju0ekcuwxzmrkwxaa3svh33n8xxa2qxh7jayvq47ucnq";

    [Fact]
    public void The_fixtures_tested_here_are_every_age_keygen_sample()
    {
        MacOsFixtures.NamesStartingWith("age-keygen").Should().Equal(
            "age-keygen-keyfile-redacted.txt", "age-keygen-o-file-exists.txt", "age-keygen-o.stderr.txt", "age-keygen-y.txt");
    }

    [Fact]
    public void The_public_key_line_of_age_keygen_o_gives_the_recipient()
    {
        AgeOutputParser.ParsePublicKeyLine(MacOsFixtures.ReadText("age-keygen-o.stderr.txt")).Should().Be(FixtureRecipient);
    }

    [Fact]
    public void Age_keygen_y_prints_one_recipient_per_line()
    {
        AgeOutputParser.ParseRecipients(MacOsFixtures.ReadText("age-keygen-y.txt")).Should().Equal(FixtureRecipient);
    }

    [Fact]
    public void The_file_exists_error_is_recognised_with_its_reason()
    {
        // Act
        var (kind, reason) = AgeOutputParser.ClassifyError(MacOsFixtures.ReadText("age-keygen-o-file-exists.txt"));

        // Assert
        kind.Should().Be(AgeErrorKind.KeyFileExists);
        reason.Should().Be("failed to open output file \"k.txt\": open k.txt: file exists");
    }

    [Fact]
    public void The_redacted_key_files_public_key_comment_is_a_recipient_but_its_identity_line_is_not()
    {
        // Arrange
        var lines = MacOsFixtures.ReadText("age-keygen-keyfile-redacted.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Act
        var comment = lines.Single(l => l.StartsWith("# public key: ", StringComparison.Ordinal))["# public key: ".Length..];

        // Assert
        lines[0].Should().MatchRegex("^# created: [0-9]{4}-[0-9]{2}-[0-9]{2}T");
        AgeOutputParser.IsRecipient(comment).Should().BeTrue();
        AgeOutputParser.ParseRecipients(lines[2]).Should().BeEmpty("an identity line is not a recipient");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Public key: \n")]
    [InlineData("Public key: not-a-recipient\n")]
    [InlineData("public key: age17leqntv7zcdtepju0ekcuwxzmrkwxaa3svh33n8xxa2qxh7jayvq47ucnq\n")]
    [InlineData("\u0000\u0001garbage")]
    public void Output_without_a_public_key_line_gives_no_recipient(string stderr)
    {
        AgeOutputParser.ParsePublicKeyLine(stderr).Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("AGE-SECRET-KEY-1QQQ\n")]
    [InlineData("age17leqntv7zcdtepju0ekcuwxzmrkwxaa3svh33n8xxa2qxh7jayvq47ucnq\nwarning: something\n")]
    [InlineData("AGE17LEQNTV7ZCDTEPJU0EKCUWXZMRKWXAA3SVH33N8XXA2QXH7JAYVQ47UCNQ\n")]
    public void Recipient_output_with_anything_but_recipients_gives_none(string stdout)
    {
        AgeOutputParser.ParseRecipients(stdout).Should().BeEmpty();
    }

    [Theory]
    [InlineData("age: error: no identity matched any of the recipients\nage: report unexpected or unhelpful errors at https://filippo.io/age/report\n", AgeErrorKind.NoIdentityMatched)]
    [InlineData("age-keygen: error: failed to open input file \"k.txt\": open k.txt: no such file or directory\n", AgeErrorKind.KeyFileMissing)]
    [InlineData("age-keygen: error: failed to parse input: error at line 3: malformed secret key: mixed case\n", AgeErrorKind.KeyFileUnreadable)]
    [InlineData("age-keygen: error: failed to parse input: no secret keys found\n", AgeErrorKind.KeyFileUnreadable)]
    [InlineData("age: error: reading \"g.txt\": failed to read \"g.txt\": error at line 1: unknown identity type\n", AgeErrorKind.KeyFileUnreadable)]
    [InlineData("age: error: failed to read header: parsing age header: unexpected intro: \"junk\\n\"\n", AgeErrorKind.BadInput)]
    [InlineData("Segmentation fault\n", AgeErrorKind.Failed)]
    [InlineData("", AgeErrorKind.Failed)]
    public void Errors_are_classified_from_the_tools_own_words(string stderr, AgeErrorKind kind)
    {
        AgeOutputParser.ClassifyError(stderr).Kind.Should().Be(kind);
    }
}
