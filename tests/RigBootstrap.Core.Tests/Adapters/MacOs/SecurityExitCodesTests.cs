using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class SecurityExitCodesTests
{
    private const string Item = "service \"ci\" account \"runner\"";

    public static TheoryData<string, int, SecurityErrorKind> Fixtures() => new()
    {
        // A refused keychain password; the CSVKeychain report gives "Error number: 51" (errSecAuthFailed's low byte).
        { "security-asuser-unlock-keychain-bad-passphrase-login.txt", 51, SecurityErrorKind.AuthFailed },
        // Apple's regression test gives the same text without its exit code: 51 as for the report above.
        { "security-asuser-unlock-keychain-bad-passphrase-apple-test.txt", 51, SecurityErrorKind.AuthFailed },
        { "security-find-generic-password-not-found.stderr.txt", 44, SecurityErrorKind.ItemNotFound },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_security_fixture_is_classified_by_its_exit_code(string fixtureName, int exitCode, SecurityErrorKind expected)
    {
        // Arrange
        var stderr = MacOsFixtures.ReadText(fixtureName);

        // Act
        var kind = SecurityExitCodes.Classify(exitCode, stderr);

        // Assert
        kind.Should().Be(expected);
    }

    [Fact]
    public void The_not_found_fixture_is_recognised_by_its_text_alone()
    {
        // Arrange
        var stderr = MacOsFixtures.ReadText("security-find-generic-password-not-found.stderr.txt");

        // Act
        var kind = SecurityExitCodes.Classify(1, stderr);

        // Assert
        SecurityExitCodes.IsItemNotFoundMessage(stderr).Should().BeTrue();
        kind.Should().Be(SecurityErrorKind.ItemNotFound);
    }

    [Fact]
    public void Every_security_fixture_is_covered_by_the_fixture_theory()
    {
        // Act
        var covered = Fixtures().Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        // Assert
        covered.Should().Equal(MacOsFixtures.NamesStartingWith("security-"));
    }

    [Theory]
    [InlineData(44, SecurityErrorKind.ItemNotFound)]
    [InlineData(45, SecurityErrorKind.DuplicateItem)]
    [InlineData(51, SecurityErrorKind.AuthFailed)]
    [InlineData(36, SecurityErrorKind.InteractionNotAllowed)]
    [InlineData(50, SecurityErrorKind.NoSuchKeychain)]
    [InlineData(2, SecurityErrorKind.UsageError)]
    [InlineData(1, SecurityErrorKind.Other)]
    [InlineData(0, SecurityErrorKind.Other)]
    [InlineData(-25300, SecurityErrorKind.Other)]
    public void The_exit_code_decides_when_stderr_says_nothing_known(int exitCode, SecurityErrorKind expected)
    {
        // Act
        var kind = SecurityExitCodes.Classify(exitCode, "security: something went wrong\n");

        // Assert
        kind.Should().Be(expected);
    }

    [Fact]
    public void The_exit_code_wins_over_a_not_found_text()
    {
        // Arrange: a duplicate-item exit with a misleading message.
        var stderr = "The specified item could not be found in the keychain.\n";

        // Act
        var kind = SecurityExitCodes.Classify(45, stderr);

        // Assert
        kind.Should().Be(SecurityErrorKind.DuplicateItem);
    }

    [Theory]
    [InlineData(SecurityErrorKind.ItemNotFound, "*no item for service \"ci\" account \"runner\" (errSecItemNotFound, exit 44)*`security add-generic-password -U`*")]
    [InlineData(SecurityErrorKind.DuplicateItem, "*already has an item*(errSecDuplicateItem, exit 45)*`-U`*")]
    [InlineData(SecurityErrorKind.AuthFailed, "*password was wrong*(errSecAuthFailed, exit 51)*")]
    [InlineData(SecurityErrorKind.InteractionNotAllowed, "*locked*(errSecInteractionNotAllowed, exit 36)*`security unlock-keychain <keychain>`*")]
    [InlineData(SecurityErrorKind.NoSuchKeychain, "*does not exist (errSecNoSuchKeychain, exit 50)*first login*")]
    [InlineData(SecurityErrorKind.UsageError, "*(usage error, exit 2)*bug*")]
    [InlineData(SecurityErrorKind.Other, "*run the same `security` command by hand*")]
    public void Each_kind_is_described_with_its_fix(SecurityErrorKind kind, string expectedMessage)
    {
        // Act
        var message = SecurityExitCodes.Describe(kind, Item);

        // Assert
        message.Should().Match(expectedMessage);
    }

    [Fact]
    public void Every_kind_has_its_own_description_naming_the_item()
    {
        // Act
        var descriptions = Enum.GetValues<SecurityErrorKind>().Select(kind => SecurityExitCodes.Describe(kind, Item));

        // Assert
        descriptions.Should().OnlyHaveUniqueItems().And.AllSatisfy(text => text.Should().Contain(Item));
    }
}
