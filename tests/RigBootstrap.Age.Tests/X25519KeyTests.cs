namespace RigBootstrap.Age.Tests;

public sealed class X25519KeyTests
{
    // From the C2SP age test kit (TestData/cctv/x25519); its recipient as `age-keygen -y` prints it.
    private const string KitIdentity = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

    [Fact]
    public void An_identity_round_trips_through_its_text_form_and_keeps_its_recipient()
    {
        using var identity = X25519Identity.Generate();

        using var parsed = X25519Identity.Parse(identity.Encode());

        identity.Encode().Should().StartWith("AGE-SECRET-KEY-1").And.HaveLength(74);
        parsed.Recipient.Should().Be(identity.Recipient);
        X25519Recipient.Parse(identity.Recipient.ToString()).Should().Be(identity.Recipient);
    }

    [Fact]
    public void The_test_kit_identity_parses_and_encodes_back_to_the_same_text()
    {
        using var identity = X25519Identity.Parse(KitIdentity);

        identity.Encode().Should().Be(KitIdentity);
        identity.Recipient.ToString().Should().StartWith("age1").And.HaveLength(62);
    }

    [Theory]
    [InlineData("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", "checksum")]
    [InlineData("age-secret-key-1egtzvffv20835nwyv6270lxyvk2vknx2mmdkwyklmgr48uawx40q2p2lm0", "X25519 age recipient")]
    [InlineData("age1", "separator")]
    public void A_malformed_recipient_is_refused_naming_the_fault(string text, string fault)
    {
        var parse = () => X25519Recipient.Parse(text);

        parse.Should().Throw<AgeException>().Where(e => e.Kind == AgeErrorKind.RecipientInvalid).WithMessage($"*{fault}*");
    }

    [Fact]
    public void An_upper_case_recipient_is_refused_as_age_never_writes_one()
    {
        using var identity = X25519Identity.Generate();

        var parse = () => X25519Recipient.Parse(identity.Recipient.ToString().ToUpperInvariant());

        parse.Should().Throw<AgeException>().WithMessage("*lower-case age1*");
    }

    [Theory]
    [InlineData("age-secret-key-1egtzvffv20835nwyv6270lxyvk2vknx2mmdkwyklmgr48uawx40q2p2lm0", "upper-case")]
    [InlineData("AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM1", "checksum")]
    [InlineData("AGE-SECRET-KEY-1", "separator")]
    public void A_malformed_identity_is_refused_without_showing_the_key(string text, string fault)
    {
        var parse = () => X25519Identity.Parse(text);

        parse.Should().Throw<AgeException>().Where(e => e.Kind == AgeErrorKind.KeyFileUnreadable && !e.Message.Contains(text, StringComparison.OrdinalIgnoreCase))
            .WithMessage($"*{fault}*");
    }

    [Fact]
    public void A_key_file_has_the_age_keygen_layout_with_the_injected_time_in_utc()
    {
        using var identity = X25519Identity.Generate();

        var text = AgeKeyFile.Format(identity, new DateTimeOffset(2026, 12, 3, 11, 4, 5, TimeSpan.FromHours(2)));

        text.Should().Be($"# created: 2026-12-03T09:04:05Z\n# public key: {identity.Recipient}\n{identity.Encode()}\n");
    }
}
