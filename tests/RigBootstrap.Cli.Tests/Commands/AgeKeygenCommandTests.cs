using System.Text.RegularExpressions;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>`age keygen` and `age recipient` through the published binary, against what the real age-keygen writes and reads.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class AgeKeygenCommandTests(PublishedBinary binary)
{
    private static readonly string MacOsFixtures = Path.Join(RepositoryRoot.Find(), "tests", "Fixtures", "macos");
    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task Keygen_o_writes_a_0600_key_file_and_prints_the_public_key_line_age_keygen_prints()
    {
        // Arrange
        using var host = new TempHost();
        var keyPath = Path.Join(host.DirPath, "k.txt");

        // Act
        var result = await _cli.RunAsync(["age", "keygen", "-o", keyPath]);

        // Assert: the stderr line has the shape of the real age-keygen's (tests/Fixtures/macos/age-keygen-o.stderr.txt).
        result.ExitCode.Should().Be(0, result.Describe());
        var fixtureShape = "^" + Regex.Replace(Regex.Escape(File.ReadAllText(Path.Join(MacOsFixtures, "age-keygen-o.stderr.txt"))), "age1[0-9a-z]{58}", "age1[0-9a-z]{58}") + "$";
        result.Stderr.Should().MatchRegex(fixtureShape);
        result.Stdout.Should().BeEmpty();
        File.GetUnixFileMode(keyPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(keyPath).Should().Contain($"# public key: {result.Stderr.Trim()["Public key: ".Length..]}\n");
    }

    [Fact]
    public async Task Keygen_o_over_an_existing_file_exits_73_and_leaves_it_as_it_was()
    {
        // Arrange
        using var host = new TempHost();
        var keyPath = host.WriteFile("k.txt", "an existing key\n");

        // Act
        var result = await _cli.RunAsync(["age", "keygen", "-o", keyPath]);

        // Assert: age-keygen refuses too (tests/Fixtures/macos/age-keygen-o-file-exists.txt).
        result.ExitCode.Should().Be(73, result.Describe());
        result.Stderr.Should().Contain(keyPath).And.Contain("never overwritten");
        File.ReadAllText(keyPath).Should().Be("an existing key\n");
    }

    [RealAgeFact]
    public async Task Recipient_prints_what_age_keygen_y_prints_for_our_key_and_for_its_own()
    {
        // Arrange: one key of ours, one made by the real age-keygen, in one identity file.
        using var host = new TempHost();
        var ours = Path.Join(host.DirPath, "ours.txt");
        var theirs = Path.Join(host.DirPath, "theirs.txt");
        (await _cli.RunAsync(["age", "keygen", "-o", ours])).ExitCode.Should().Be(0);
        using (var keygen = ChildProcess.Start(ToolPath.Require("age-keygen", "age"), ["-o", theirs], new Dictionary<string, string?>()))
        {
            (await keygen.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode.Should().Be(0);
        }

        var both = host.WriteFile("both.txt", File.ReadAllText(ours) + "\n" + File.ReadAllText(theirs));

        // Act
        var result = await _cli.RunAsync(["age", "recipient", both]);
        using var reference = ChildProcess.Start(ToolPath.Require("age-keygen", "age"), ["-y", both], new Dictionary<string, string?>());
        var expected = await reference.WaitAsync(TimeSpan.FromSeconds(30));

        // Assert: one recipient per line, as tests/Fixtures/macos/age-keygen-y.txt shows.
        expected.ExitCode.Should().Be(0, expected.Describe());
        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().Be(expected.Stdout).And.MatchRegex("^(age1[0-9a-z]{58}\n){2}$");
        File.ReadAllText(Path.Join(MacOsFixtures, "age-keygen-y.txt")).Should().MatchRegex("^age1[0-9a-z]{58}\n$");
    }

    [Fact]
    public async Task Recipient_of_a_file_without_an_identity_exits_65_naming_the_file_and_a_missing_one_66()
    {
        using var host = new TempHost();
        var notAKey = host.WriteFile("k.txt", "# only a comment\n");

        var bad = await _cli.RunAsync(["age", "recipient", notAKey]);
        var missing = await _cli.RunAsync(["age", "recipient", Path.Join(host.DirPath, "missing.txt")]);

        bad.ExitCode.Should().Be(65, bad.Describe());
        bad.Stderr.Should().Contain(notAKey);
        missing.ExitCode.Should().Be(66, missing.Describe());
    }
}
