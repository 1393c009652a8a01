using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class FileVaultCheckTests
{
    private static async Task<DoctorFinding> CheckAsync(FakeProcessRunner runner, bool fdesetupPresent = true)
    {
        using var tools = new ToolsDir();
        if (fdesetupPresent)
        {
            tools.Add("fdesetup");
        }

        var findings = await new FileVaultCheck(tools.Table, runner).RunAsync(CancellationToken.None);
        return findings.Should().ContainSingle().Subject;
    }

    [Fact]
    public async Task FileVault_on_is_a_warning_that_autologin_needs_authrestart()
    {
        // Arrange
        var runner = new FakeProcessRunner().Then(0, "FileVault is On.\n");

        // Act
        var finding = await CheckAsync(runner);

        // Assert
        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.Message.Should().StartWith("FileVault is On. A plain reboot stops at the FileVault unlock screen");
        finding.Fix.Should().Contain("fdesetup authrestart");
        runner.Specs.Should().ContainSingle().Which.Arguments.Should().Equal("status");
    }

    [Fact]
    public async Task Encryption_in_progress_counts_as_on()
    {
        var finding = await CheckAsync(new FakeProcessRunner().Then(0, "Encryption in progress: Percent completed = 35.1\n"));

        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.Fix.Should().Contain("fdesetup authrestart");
    }

    [Fact]
    public async Task FileVault_off_is_ok()
    {
        var finding = await CheckAsync(new FakeProcessRunner().Then(0, "FileVault is Off.\n"));

        finding.Severity.Should().Be(FindingSeverity.Ok);
    }

    [Fact]
    public async Task A_failing_fdesetup_is_a_warning_to_look_by_hand()
    {
        var finding = await CheckAsync(new FakeProcessRunner().Then(1, stderr: "fdesetup: must be run as root\n"));

        finding.Should().BeEquivalentTo(new
        {
            Severity = FindingSeverity.Warning,
            Message = "`fdesetup status` exited 1: fdesetup: must be run as root",
            Fix = "run `sudo fdesetup status` by hand",
        });
    }

    [Fact]
    public async Task Without_fdesetup_the_check_is_skipped_with_a_note()
    {
        var runner = new FakeProcessRunner();

        var finding = await CheckAsync(runner, fdesetupPresent: false);

        finding.Severity.Should().Be(FindingSeverity.Ok);
        finding.Message.Should().StartWith("skipped: there is no fdesetup at");
        runner.Specs.Should().BeEmpty();
    }
}
