using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

// No fdesetup fixture exists: these strings are the forms public FileVault reporting code matches on
// (see the remarks on FdesetupStatusParser for the sources).
public sealed class FdesetupStatusParserTests
{
    public static TheoryData<string, FileVaultStatus> KnownForms() => new()
    {
        { "FileVault is On.\n", new FileVaultStatus { State = FileVaultState.On } },
        { "FileVault is Off.\n", new FileVaultStatus { State = FileVaultState.Off } },
        { "FileVault is On, but needs to be restarted to finish.\n", new FileVaultStatus { State = FileVaultState.On, RestartPending = true } },
        { "FileVault is Off, but needs to be restarted to finish.\n", new FileVaultStatus { State = FileVaultState.Off, RestartPending = true } },
        {
            "FileVault is Off, but will be enabled after the next restart.\n",
            new FileVaultStatus { State = FileVaultState.Off, RestartPending = true, EnabledAfterRestart = true }
        },
        {
            "FileVault is On.\nEncryption in progress: Percent completed = 42.5\n",
            new FileVaultStatus { State = FileVaultState.On, ConversionInProgress = true }
        },
        {
            "FileVault is Off.\nDecryption in progress: Percent completed = 12\n",
            new FileVaultStatus { State = FileVaultState.Off, ConversionInProgress = true }
        },
        {
            "FileVault is Off.\nDeferred enablement appears to be active for user 'runner'.\n",
            new FileVaultStatus { State = FileVaultState.Off }
        },
        { "\r\nFileVault is On.\r\n", new FileVaultStatus { State = FileVaultState.On } },
    };

    [Theory]
    [MemberData(nameof(KnownForms))]
    public void Each_known_form_gives_its_state(string stdout, FileVaultStatus expected)
    {
        // Act
        var status = FdesetupStatusParser.Parse(stdout);

        // Assert
        status.Should().Be(expected);
    }

    [Theory]
    [InlineData("FileVault is On.\n", true)]
    [InlineData("FileVault is On, but needs to be restarted to finish.\n", true)]
    [InlineData("FileVault is Off, but will be enabled after the next restart.\n", true)]
    [InlineData("FileVault is Off, but needs to be restarted to finish.\n", false)]
    [InlineData("FileVault is Off.\n", false)]
    public void FileVault_blocks_autologin_when_on_or_about_to_be_on(string stdout, bool blocks)
    {
        // Act
        var status = FdesetupStatusParser.Parse(stdout);

        // Assert
        status.BlocksAutologin.Should().Be(blocks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("Error: This command requires root.\n")]
    [InlineData("Encryption in progress: Percent completed = 3\n")]
    [InlineData("FileVault is Online.\n")]
    [InlineData("FileVault is Offline\n")]
    [InlineData("filevault is on.\n")]
    [InlineData("\0\uFFFD")]
    public void Anything_else_gives_a_format_exception_quoting_it(string stdout)
    {
        // Act
        var parse = () => FdesetupStatusParser.Parse(stdout);

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("fdesetup status printed '*'*`fdesetup status` by hand*");
    }
}
