using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class AgeKeygenOutputParserTests
{
    // The same recipient appears in the three success fixtures (one age-keygen run).
    private const string Recipient = "age17leqntv7zcdtepju0ekcuwxzmrkwxaa3svh33n8xxa2qxh7jayvq47ucnq";

    [Fact]
    public void The_stderr_of_age_keygen_o_gives_the_recipient()
    {
        // Act
        var recipient = AgeKeygenOutputParser.ParseGeneratedRecipient(MacOsFixtures.ReadText("age-keygen-o.stderr.txt"));

        // Assert
        recipient.Should().Be(Recipient);
    }

    [Fact]
    public void The_key_file_s_public_key_comment_gives_the_recipient()
    {
        // Act
        var recipient = AgeKeygenOutputParser.ParseKeyFileRecipient(MacOsFixtures.ReadText("age-keygen-keyfile-redacted.txt"));

        // Assert
        recipient.Should().Be(Recipient);
    }

    [Fact]
    public void The_output_of_age_keygen_y_gives_one_recipient_per_line()
    {
        // Act
        var recipients = AgeKeygenOutputParser.ParseRecipients(MacOsFixtures.ReadText("age-keygen-y.txt"));

        // Assert
        recipients.Should().Equal(Recipient);
    }

    [Fact]
    public void The_file_exists_fixture_is_recognised_and_the_success_fixtures_are_not()
    {
        // Act and Assert
        AgeKeygenOutputParser.IsOutputFileExistsError(MacOsFixtures.ReadText("age-keygen-o-file-exists.txt")).Should().BeTrue();
        AgeKeygenOutputParser.IsOutputFileExistsError(MacOsFixtures.ReadText("age-keygen-o.stderr.txt")).Should().BeFalse();
        AgeKeygenOutputParser.IsOutputFileExistsError("age-keygen: error: failed to open output file \"k.txt\": permission denied\n").Should().BeFalse();
    }

    [Fact]
    public void Every_age_keygen_fixture_is_covered()
    {
        // Assert
        MacOsFixtures.NamesStartingWith("age-keygen-").Should().Equal(
            "age-keygen-keyfile-redacted.txt",
            "age-keygen-o-file-exists.txt",
            "age-keygen-o.stderr.txt",
            "age-keygen-y.txt");
    }

    [Fact]
    public void Several_identities_give_several_recipients_in_order_and_crlf_is_trimmed()
    {
        // Arrange
        var other = "age1" + new string('q', 58);

        // Act
        var recipients = AgeKeygenOutputParser.ParseRecipients($"{Recipient}\r\n{other}\r\n");

        // Assert
        recipients.Should().Equal(Recipient, other);
    }

    [Fact]
    public void Plugin_and_post_quantum_recipients_have_the_right_shape()
    {
        // Arrange
        var plugin = "age1yubikey1" + new string('q', 60);
        var postQuantum = "age1pq1" + new string('z', 1900);

        // Act
        var recipients = AgeKeygenOutputParser.ParseRecipients($"{plugin}\n{postQuantum}\n");

        // Assert
        recipients.Should().Equal(plugin, postQuantum);
    }

    [Theory]
    [InlineData("")]
    [InlineData("age-keygen: error: failed to open output file \"k.txt\": open k.txt: file exists\n")]
    [InlineData("Public key:\n")]
    [InlineData("Public key: AGE17LEQNTV7ZCDTEPJU0EKCUWXZMRKWXAA3SVH33N8XXA2QXH7JAYVQ47UCNQ\n")]
    [InlineData("Public key: age1short\n")]
    [InlineData("Public key: age1bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n")]
    [InlineData("Public key: age17leqntv7zcdtepju0ekcuwxzmrkwxaa3svh33n8xxa2qxh7jayvq47ucnq trailing\n")]
    public void Stderr_without_a_valid_public_key_line_gives_a_format_exception(string stderr)
    {
        // Act
        var parse = () => AgeKeygenOutputParser.ParseGeneratedRecipient(stderr);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("age-keygen -o printed '*'*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("AGE-SECRET-KEY-1<redacted>\n")]
    [InlineData("# created: 2026-11-22T12:17:18Z\n# public key: <redacted>\nAGE-SECRET-KEY-1<redacted>\n")]
    public void A_key_file_without_a_valid_public_key_comment_gives_a_format_exception(string keyFileText)
    {
        // Act
        var parse = () => AgeKeygenOutputParser.ParseKeyFileRecipient(keyFileText);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("the age key file holds '*'*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("age-keygen: error: failed to read input file\n")]
    [InlineData("age17leqntv7zcdtepju0ekcuwxzmrkwxaa3svh33n8xxa2qxh7jayvq47ucnq\nnot a recipient\n")]
    public void Y_output_that_is_not_only_recipients_gives_a_format_exception(string stdout)
    {
        // Act
        var parse = () => AgeKeygenOutputParser.ParseRecipients(stdout);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("age-keygen -y printed '*'*AGE-SECRET-KEY-1*");
    }
}
