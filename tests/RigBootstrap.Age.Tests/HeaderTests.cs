using System.Text;
using RigBootstrap.Age.Tests.TestKit;

namespace RigBootstrap.Age.Tests;

public sealed class HeaderTests : IDisposable
{
    private readonly X25519Identity _alice = X25519Identity.Generate();
    private readonly X25519Identity _bob = X25519Identity.Generate();

    [Fact]
    public void A_message_to_several_recipients_opens_with_each_identity_alone()
    {
        var message = Messages.Encrypt("hello"u8.ToArray(), _alice.Recipient, _bob.Recipient);

        Encoding.ASCII.GetString(message).Split('\n').Count(l => l.StartsWith("-> X25519 ", StringComparison.Ordinal)).Should().Be(2);
        Messages.TryDecrypt(message, _alice).Plaintext.Should().Equal("hello"u8.ToArray());
        Messages.TryDecrypt(message, _bob).Plaintext.Should().Equal("hello"u8.ToArray());
    }

    [Fact]
    public void Any_of_several_identities_may_match()
    {
        using var stranger = X25519Identity.Generate();
        var message = Messages.Encrypt("hi"u8.ToArray(), _bob.Recipient);

        Messages.TryDecrypt(message, stranger, _bob).Plaintext.Should().Equal("hi"u8.ToArray());
    }

    [Fact]
    public void An_identity_that_is_no_recipient_gets_no_identity_matched_with_the_stanza_types()
    {
        var message = Messages.Encrypt("hi"u8.ToArray(), _alice.Recipient);

        var (released, error) = Messages.TryDecrypt(message, _bob);

        error!.Kind.Should().Be(AgeErrorKind.NoIdentityMatched);
        error.Message.Should().Contain("(1 X25519)");
        released.Should().BeEmpty();
    }

    [Fact]
    public void A_changed_header_fails_its_mac()
    {
        var message = Messages.Encrypt("hi"u8.ToArray(), _alice.Recipient, _bob.Recipient);
        var text = Encoding.Latin1.GetString(message);
        var bobStanza = text.IndexOf("-> X25519 ", text.IndexOf("-> X25519 ", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        // Drop bob's stanza (two lines): alice's key still unwraps, but the MAC covers the stanza list.
        var end = text.IndexOf('\n', text.IndexOf('\n', bobStanza) + 1) + 1;
        var changed = Encoding.Latin1.GetBytes(text[..bobStanza] + text[end..]);

        var (_, error) = Messages.TryDecrypt(changed, _alice);

        error!.Kind.Should().Be(AgeErrorKind.HeaderMacMismatch);
        error.Message.Should().Contain("the MAC does not match");
    }

    [Fact]
    public void Stanzas_of_other_types_are_skipped()
    {
        var message = Encoding.Latin1.GetString(Messages.Encrypt("hi"u8.ToArray(), _alice.Recipient));
        // A foreign stanza changes the MAC, so only the parse and the skip are checked: the MAC then fails, not the parse.
        var withGrease = message.Replace("age-encryption.org/v1\n", "age-encryption.org/v1\n-> grease-1 a b\nZm9v\n");

        var (_, error) = Messages.TryDecrypt(Encoding.Latin1.GetBytes(withGrease), _alice);

        error!.Kind.Should().Be(AgeErrorKind.HeaderMacMismatch);
    }

    [Theory]
    [InlineData("age-encryption.org/v2\n", "line 1: the version line is not 'age-encryption.org/v1'")]
    [InlineData("", "line 1: the input is empty")]
    [InlineData("age-encryption.org/v1\n-> X25519\nAAAA\n--- AAAA\n", "line 4: the header MAC is not 32 bytes")]
    [InlineData("age-encryption.org/v1\r\n", "line 1: the version line")]
    [InlineData("age-encryption.org/v1\n->\n", "line 2: a line starts with neither")]
    [InlineData("age-encryption.org/v1\n-> X25519 a  b\n\n", "line 2: a stanza argument is empty")]
    [InlineData("age-encryption.org/v1\n-> X25519 abc\nAAA=\n", "line 3: a stanza body is not canonical")]
    [InlineData("age-encryption.org/v1\n-> X25519 abc\n\n---x\n", "line 4: the MAC line must be")]
    [InlineData("age-encryption.org/v1\nhello\n", "line 2: a line starts with neither")]
    [InlineData("age-encryption.org/v1\n-> X25519 abc\n", "line 3: a stanza body ends")]
    public void A_malformed_header_is_refused_naming_its_line(string header, string fault)
    {
        var (_, error) = Messages.TryDecrypt(Encoding.ASCII.GetBytes(header), _alice);

        error!.Kind.Should().Be(AgeErrorKind.HeaderInvalid);
        error.Message.Should().Contain(fault);
    }

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }
}
