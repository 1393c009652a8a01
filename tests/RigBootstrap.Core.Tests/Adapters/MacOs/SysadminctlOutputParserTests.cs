using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class SysadminctlOutputParserTests
{
    [Fact]
    public void The_error22_fixture_is_a_failure_that_also_reports_autologin_off()
    {
        // Arrange
        var stderr = MacOsFixtures.ReadText("sysadminctl-autologin-error22.stderr.txt");

        // Act
        var output = SysadminctlOutputParser.Parse(stderr);

        // Assert
        output.Failed.Should().BeTrue();
        output.SetPasswordErrorCode.Should().Be(22);
        output.ReportsAutomaticLoginOff.Should().BeTrue();
        output.Messages.Should().Equal("SACSetAutoLoginPassword error:22", "Automatic login is OFF.");
    }

    [Fact]
    public void The_usage_line_fixture_is_neither_a_failure_nor_a_state()
    {
        // Arrange: one line of the usage text, with a leading tab and no NSLog prefix.
        var stderr = MacOsFixtures.ReadText("sysadminctl-usage-autologin-line.txt");

        // Act
        var output = SysadminctlOutputParser.Parse(stderr);

        // Assert
        output.Failed.Should().BeFalse();
        output.ReportsAutomaticLoginOff.Should().BeFalse();
        output.Messages.Should().Equal("-autologin set -userName <user name> [-password <user password>] |");
    }

    [Fact]
    public void Every_sysadminctl_fixture_is_covered()
    {
        // Assert
        MacOsFixtures.NamesStartingWith("sysadminctl-").Should().Equal(
            "sysadminctl-autologin-error22.stderr.txt",
            "sysadminctl-usage-autologin-line.txt");
    }

    [Theory]
    [InlineData("2024-01-02 03:04:05.678 sysadminctl[1:2] SACSetAutoLoginPassword error:-1\r\n", -1)]
    [InlineData("SACSetAutoLoginPassword error:5\n", 5)]
    [InlineData("2024-01-02 03:04:05.678 sysadminctl[1:2] SACSetAutoLoginPassword error:\n", -1)]
    public void The_error_code_is_read_with_or_without_the_prefix(string stderr, int expectedCode)
    {
        // Act
        var output = SysadminctlOutputParser.Parse(stderr);

        // Assert
        output.SetPasswordErrorCode.Should().Be(expectedCode);
        output.Failed.Should().BeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("2024-01-02 03:04:05.678 sysadminctl[1:2] Setting auto login for user runner\n")]
    [InlineData("\0\uFFFD garbage")]
    public void Empty_or_unknown_output_is_no_failure_and_no_state(string stderr)
    {
        // Act
        var output = SysadminctlOutputParser.Parse(stderr);

        // Assert
        output.Failed.Should().BeFalse();
        output.ReportsAutomaticLoginOff.Should().BeFalse();
    }

    [Fact]
    public void A_failure_is_described_with_the_user_the_code_and_the_fix()
    {
        // Arrange
        var output = SysadminctlOutputParser.Parse(MacOsFixtures.ReadText("sysadminctl-autologin-error22.stderr.txt"));

        // Act
        var message = SysadminctlOutputParser.DescribeFailure(output, "runner");

        // Assert
        message.Should().Match("sysadminctl could not set the autologin password for runner (SACSetAutoLoginPassword error:22); *FileVault is off (`fdesetup status`)*");
    }
}
