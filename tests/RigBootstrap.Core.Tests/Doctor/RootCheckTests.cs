using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class RootCheckTests
{
    [Fact]
    public async Task Uid_0_is_ok()
    {
        var findings = await new RootCheck(HostPaths.ForRoot("/"), 0).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Severity = FindingSeverity.Ok, Message = "running as root (uid 0)" });
    }

    [Fact]
    public async Task Another_user_on_a_real_host_is_a_problem_that_says_to_use_sudo()
    {
        var findings = await new RootCheck(HostPaths.ForRoot("/"), 501).RunAsync(CancellationToken.None);

        var finding = findings.Should().ContainSingle().Subject;
        finding.Severity.Should().Be(FindingSeverity.Problem);
        finding.Message.Should().StartWith("running as uid 501, not root");
        finding.Fix.Should().Contain("sudo rig-bootstrap doctor");
    }

    [Fact]
    public async Task Under_a_simulated_host_root_root_is_not_needed()
    {
        using var root = new TempHostRoot();

        var findings = await new RootCheck(root.Paths, 501).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Ok);
    }
}
