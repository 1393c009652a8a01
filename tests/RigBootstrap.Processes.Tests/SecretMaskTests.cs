namespace RigBootstrap.Processes.Tests;

public sealed class SecretMaskTests
{
    [Fact]
    public void Every_occurrence_of_a_secret_is_masked()
    {
        var masked = SecretMask.Apply("key=hunter2; again hunter2.", ["hunter2"]);

        masked.Should().Be("key=****; again ****.");
    }

    [Fact]
    public void Overlapping_secrets_are_masked_as_one_span_so_no_fragment_survives()
    {
        var masked = SecretMask.Apply("x-abcd-x", ["abc", "bcd"]);

        masked.Should().Be("x-****-x");
    }

    [Fact]
    public void A_secret_overlapping_itself_is_masked_entirely()
    {
        var masked = SecretMask.Apply("[aaa]", ["aa"]);

        masked.Should().Be("[****]");
    }

    [Fact]
    public void A_secret_inside_a_longer_secret_does_not_leave_parts_of_the_longer_one()
    {
        var masked = SecretMask.Apply("token=LONG-secret-value", ["secret", "LONG-secret-value"]);

        masked.Should().Be("token=****");
    }

    [Fact]
    public void Empty_secrets_are_ignored()
    {
        var masked = SecretMask.Apply("nothing to hide", ["", "hide"]);

        masked.Should().Be("nothing to ****");
    }

    [Fact]
    public void Text_without_secrets_is_returned_unchanged()
    {
        const string text = "plain text";

        SecretMask.Apply(text, ["absent"]).Should().BeSameAs(text);
        SecretMask.Apply(text, []).Should().BeSameAs(text);
        SecretMask.Apply(text, default).Should().BeSameAs(text);
    }
}
