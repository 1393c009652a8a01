using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class BackgroundTaskCheckTests
{
    private static async Task<IReadOnlyList<DoctorFinding>> CheckAsync(FakeProcessRunner runner, bool launchctlPresent = true)
    {
        using var tools = new ToolsDir();
        if (launchctlPresent)
        {
            tools.Add("launchctl");
        }

        return await new BackgroundTaskCheck(tools.Table, runner, ["com.rig.bootstrap", "ai.invotek.rig-deploy"]).RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Our_label_disabled_is_a_problem_whose_fix_enables_it()
    {
        // Arrange
        var runner = new FakeProcessRunner().Then(0, "disabled services = {\n\t\"com.rig.bootstrap\" => disabled\n\t\"ai.invotek.rig-deploy\" => enabled\n}\n");

        // Act
        var findings = await CheckAsync(runner);

        // Assert
        var finding = findings.Should().ContainSingle().Subject;
        finding.Severity.Should().Be(FindingSeverity.Problem);
        finding.Message.Should().StartWith("launchd has com.rig.bootstrap disabled");
        finding.Fix.Should().StartWith("`sudo launchctl enable system/com.rig.bootstrap`");
        runner.Specs.Should().ContainSingle().Which.Arguments.Should().Equal("print-disabled", "system");
    }

    [Fact]
    public async Task The_agent_label_disabled_the_old_way_is_a_problem_too()
    {
        var findings = await CheckAsync(new FakeProcessRunner().Then(0, "disabled services = {\n\t\"ai.invotek.rig-deploy\" => true\n}\n"));

        findings.Should().ContainSingle().Which.Fix.Should().StartWith("`sudo launchctl enable system/ai.invotek.rig-deploy`");
    }

    [Fact]
    public async Task Neither_label_disabled_is_ok_and_names_both()
    {
        var findings = await CheckAsync(new FakeProcessRunner().Then(0, "disabled services = {\n\t\"com.apple.ftpd\" => disabled\n}\n"));

        findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Severity = FindingSeverity.Ok });
        findings[0].Message.Should().StartWith("com.rig.bootstrap and ai.invotek.rig-deploy not disabled");
    }

    [Fact]
    public async Task An_unreadable_list_is_a_warning()
    {
        var findings = await CheckAsync(new FakeProcessRunner().Then(64, stderr: "Unrecognized subcommand\n"));

        findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Warning);
    }

    [Fact]
    public async Task Without_launchctl_the_check_is_skipped_with_a_note()
    {
        var findings = await CheckAsync(new FakeProcessRunner(), launchctlPresent: false);

        findings.Should().ContainSingle().Which.Message.Should().StartWith("skipped: there is no launchctl at");
    }
}
