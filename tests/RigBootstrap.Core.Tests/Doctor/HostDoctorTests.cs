using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class HostDoctorTests
{
    [Fact]
    public async Task Every_check_runs_once_in_order_and_nothing_on_the_host_changes()
    {
        // Arrange
        using var host = await InstalledHost.InstallAsync(Configs.TwoCommands);
        var before = host.Snapshot();
        var doctor = HostDoctor.ForHost(host.Services, DoctorTarget.From(null, host.State), config: null, isMacOS: true, effectiveUserId: 0);

        // Act
        var findings = await doctor.RunAsync(CancellationToken.None);

        // Assert
        findings.Select(f => f.Check).Distinct().Should().Equal("root", "tools", "command-line-tools", "filevault", "os-upgrade", "background-tasks", "file-hygiene", "code-signature", "quarantine", "disk");
        host.Snapshot().Should().BeEquivalentTo(before, "doctor only reads");
    }
}
