using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using RigBootstrap.Age;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.Tests.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Secrets;

/// <summary>What we write and read matches what the real age-keygen wrote and printed (tests/Fixtures/macos/age-keygen-*).</summary>
public sealed class AgeKeygenFixtureTests : IDisposable
{
    private const string FixtureRecipient = "age17leqntv7zcdtepju0ekcuwxzmrkwxaa3svh33n8xxa2qxh7jayvq47ucnq";
    private readonly TempHostRoot _temp = new();

    [Fact]
    public void The_fixtures_tested_here_are_every_age_keygen_sample()
    {
        MacOsFixtures.NamesStartingWith("age-keygen").Should().Equal(
            "age-keygen-keyfile-redacted.txt", "age-keygen-o-file-exists.txt", "age-keygen-o.stderr.txt", "age-keygen-y.txt");
    }

    [Fact]
    public void Our_key_file_has_the_lines_of_age_keygens_with_only_the_values_different()
    {
        // Arrange: the fixture's shape, its values replaced by patterns (its key line is redacted).
        var fixture = MacOsFixtures.ReadText("age-keygen-keyfile-redacted.txt");
        var shape = "^" + Regex.Escape(fixture)
            .Replace("2026-11-22T12:17:18Z", "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
            .Replace(FixtureRecipient, "age1[0-9a-z]{58}")
            .Replace(Regex.Escape("<redacted>"), "[0-9A-Z]{58}") + "$";
        var keyPath = Path.Join(_temp.Paths.RootDirPath, "k.txt");

        // Act
        AgeKeyFileCreator.Create(keyPath, new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 17, 18, TimeSpan.Zero)));

        // Assert
        File.ReadAllText(keyPath).Should().MatchRegex(shape);
        File.ReadAllText(keyPath).Should().StartWith("# created: 2026-11-22T12:17:18Z\n");
    }

    [Fact]
    public void The_recipients_age_keygen_printed_are_valid_recipients_here()
    {
        var printedByO = MacOsFixtures.ReadText("age-keygen-o.stderr.txt").Trim()["Public key: ".Length..];
        var printedByY = MacOsFixtures.ReadText("age-keygen-y.txt").Trim();

        X25519Recipient.Parse(printedByO).ToString().Should().Be(FixtureRecipient);
        X25519Recipient.Parse(printedByY).ToString().Should().Be(FixtureRecipient);
    }

    [Fact]
    public void Creating_over_an_existing_file_is_refused_like_age_keygens_file_exists_error()
    {
        // Arrange
        var keyPath = Path.Join(_temp.Paths.RootDirPath, "k.txt");
        File.WriteAllText(keyPath, "keep me");

        // Act
        var act = () => AgeKeyFileCreator.Create(keyPath, TimeProvider.System);

        // Assert: age-keygen says `… open k.txt: file exists`; ours names the path and that it exists too.
        MacOsFixtures.ReadText("age-keygen-o-file-exists.txt").Should().Contain("file exists");
        act.Should().Throw<AgeException>().Where(e => e.Kind == AgeErrorKind.KeyFileExists).WithMessage($"{keyPath} exists*never overwritten*");
        File.ReadAllText(keyPath).Should().Be("keep me");
    }

    public void Dispose() => _temp.Dispose();
}
