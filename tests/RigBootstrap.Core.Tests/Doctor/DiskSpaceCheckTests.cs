using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.TestKit;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class DiskSpaceCheckTests
{
    [Fact]
    public async Task Less_free_space_than_an_Xcode_install_needs_is_a_warning_naming_both_sizes()
    {
        using var root = new TempHostRoot();

        var findings = await new DiskSpaceCheck(root.Paths, long.MaxValue).RunAsync(CancellationToken.None);

        var finding = findings.Should().ContainSingle().Subject;
        finding.Severity.Should().Be(FindingSeverity.Warning);
        finding.Message.Should().MatchRegex(@"^\d+\.\d GB free on the volume of .+; an Xcode install needs about \d+\.\d GB$");
        finding.Fix.Should().Contain("DerivedData");
    }

    [Fact]
    public async Task Enough_free_space_is_ok()
    {
        using var root = new TempHostRoot();

        var findings = await new DiskSpaceCheck(root.Paths, requiredBytes: 1).RunAsync(CancellationToken.None);

        findings.Should().ContainSingle().Which.Severity.Should().Be(FindingSeverity.Ok);
    }

    [Fact]
    public void The_default_is_the_40_GB_an_Xcode_install_needs() =>
        DiskSpaceCheck.XcodeInstallBytes.Should().Be(40_000_000_000);
}
