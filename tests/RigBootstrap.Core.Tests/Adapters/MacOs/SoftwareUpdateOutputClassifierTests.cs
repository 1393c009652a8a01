using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class SoftwareUpdateOutputClassifierTests
{
    public static TheoryData<string, SoftwareUpdateInstallOutcome> Fixtures() => new()
    {
        // Without --restart the run stops at "Downloaded: …".
        { "softwareupdate-install-all-no-scan-bigsur.txt", SoftwareUpdateInstallOutcome.DownloadedOnly },
        { "softwareupdate-install-sudo-apple-silicon.txt", SoftwareUpdateInstallOutcome.SudoRefusedOnAppleSilicon },
        { "softwareupdate-list-none.txt", SoftwareUpdateInstallOutcome.NothingToInstall },
        // Apple Silicon without credentials: the prompt outranks the "Downloaded:" after it.
        { "softwareupdate-install-applesilicon-password-prompt-ventura.txt", SoftwareUpdateInstallOutcome.PasswordPrompt },
        { "softwareupdate-install-applesilicon-download-failed-to-authenticate-sequoia.txt", SoftwareUpdateInstallOutcome.AuthenticationFailed },
        // With --stdinpass and --restart only the download is printed before the restart (super's lines are noise).
        { "softwareupdate-install-applesilicon-stdinpass-rsr-13.3.1a-asu.log.txt", SoftwareUpdateInstallOutcome.Unrecognised },
        // startosinstall's refusal for want of --stdinpass is the same fix for the operator.
        { "startosinstall-authorize-failed.txt", SoftwareUpdateInstallOutcome.AuthenticationFailed },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_install_fixture_is_classified(string fixtureName, SoftwareUpdateInstallOutcome expected)
    {
        // Arrange
        var output = MacOsFixtures.ReadText(fixtureName);

        // Act
        var outcome = SoftwareUpdateOutputClassifier.Classify(output);

        // Assert
        outcome.Should().Be(expected);
    }

    [Theory]
    [InlineData("Downloading macOS Sonoma 14.5\nDownloaded: macOS Sonoma 14.5\nFailed to authenticate\n", SoftwareUpdateInstallOutcome.AuthenticationFailed)]
    [InlineData("Downloaded: macOS Sonoma 14.5\n2024-05-01 10:00:00.000 softwareupdate[1:2] XType: com.apple.fonts is not accessible.\n\n", SoftwareUpdateInstallOutcome.DownloadedOnly)]
    [InlineData("Downloaded: macOS Sonoma 14.5\nPreparing macOS Sonoma 14.5\nRestarting...\n", SoftwareUpdateInstallOutcome.Unrecognised)]
    [InlineData("", SoftwareUpdateInstallOutcome.Unrecognised)]
    [InlineData("\0garbage\uFFFD", SoftwareUpdateInstallOutcome.Unrecognised)]
    public void Other_outputs_are_classified_by_their_text(string output, SoftwareUpdateInstallOutcome expected)
    {
        // Act
        var outcome = SoftwareUpdateOutputClassifier.Classify(output);

        // Assert
        outcome.Should().Be(expected);
    }

    [Theory]
    [InlineData(SoftwareUpdateInstallOutcome.DownloadedOnly, "*`softwareupdate --install --restart <label>`*")]
    [InlineData(SoftwareUpdateInstallOutcome.SudoRefusedOnAppleSilicon, "*`--user <owner> --stdinpass`*`--restart`*")]
    [InlineData(SoftwareUpdateInstallOutcome.AuthenticationFailed, "*`--user` names a volume owner*`--stdinpass`*")]
    [InlineData(SoftwareUpdateInstallOutcome.NothingToInstall, "*No new software available.*")]
    [InlineData(SoftwareUpdateInstallOutcome.Unrecognised, "*`softwareupdate --list`*")]
    [InlineData(SoftwareUpdateInstallOutcome.PasswordPrompt, "*volumeOwner*\"mdm\"*")]
    [InlineData(SoftwareUpdateInstallOutcome.NoRestart, "*`softwareupdate --history`*bootstrap token*")]
    public void Each_outcome_is_described_with_its_fix(SoftwareUpdateInstallOutcome outcome, string expectedMessage)
    {
        // Act
        var message = SoftwareUpdateOutputClassifier.Describe(outcome);

        // Assert
        message.Should().Match(expectedMessage);
    }

    [Fact]
    public void Every_outcome_has_its_own_description()
    {
        // Act
        var descriptions = Enum.GetValues<SoftwareUpdateInstallOutcome>().Select(SoftwareUpdateOutputClassifier.Describe);

        // Assert
        descriptions.Should().OnlyHaveUniqueItems();
    }
}
