namespace RigBootstrap.Age.Tests;

public sealed class IdentityFileTests
{
    [Fact]
    public void Comments_and_blank_lines_are_skipped_and_every_identity_is_kept_in_order()
    {
        using var first = X25519Identity.Generate();
        using var second = X25519Identity.Generate();
        var text = $"# created: 2026-01-01T00:00:00Z\n\n# public key: {first.Recipient}\n{first.Encode()}\r\n\n# another\n{second.Encode()}\n";

        using var file = IdentityFile.Parse(text, "keys.txt");

        file.Identities.Select(i => i.Recipient).Should().Equal(first.Recipient, second.Recipient);
    }

    [Fact]
    public void A_bad_line_is_named_by_file_and_line_number()
    {
        using var first = X25519Identity.Generate();
        var text = $"# ok\n{first.Encode()}\nAGE-SECRET-KEY-1NOTAKEY\n";

        var parse = () => IdentityFile.Parse(text, "keys.txt");

        parse.Should().Throw<AgeException>().Where(e => e.Kind == AgeErrorKind.KeyFileUnreadable).WithMessage("keys.txt line 3: *");
    }

    [Fact]
    public void A_file_with_only_comments_holds_no_identity_and_is_refused()
    {
        var parse = () => IdentityFile.Parse("# nothing here\n\n", "keys.txt");

        parse.Should().Throw<AgeException>().Where(e => e.Kind == AgeErrorKind.KeyFileUnreadable).WithMessage("keys.txt holds no AGE-SECRET-KEY-1*");
    }

    [Fact]
    public void A_missing_file_is_reported_as_missing()
    {
        var read = () => IdentityFile.Read(Path.Join(Path.GetTempPath(), Guid.NewGuid().ToString("N")));

        read.Should().Throw<AgeException>().Where(e => e.Kind == AgeErrorKind.KeyFileMissing);
    }
}
