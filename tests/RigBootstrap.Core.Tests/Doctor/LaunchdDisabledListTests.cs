using RigBootstrap.Core.Doctor;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class LaunchdDisabledListTests
{
    // The shape of `launchctl print-disabled system` on macOS 13 and later.
    private const string Ventura = "disabled services = {\n\t\"com.apple.ftpd\" => disabled\n\t\"com.apple.mdmclient.daemon.runatboot\" => enabled\n\t\"com.rig.bootstrap\" => disabled\n\t\"ai.invotek.rig-deploy\" => enabled\n}\nlogin item associations = {\n}\n";

    // Before macOS 13 the values were true and false.
    private const string Monterey = "disabled services = {\n\t\"com.apple.ftpd\" => true\n\t\"com.rig.bootstrap\" => false\n}\n";

    [Fact]
    public void Disabled_and_true_mean_disabled()
    {
        LaunchdDisabledList.DisabledLabels(Ventura).Should().BeEquivalentTo(["com.apple.ftpd", "com.rig.bootstrap"]);
        LaunchdDisabledList.DisabledLabels(Monterey).Should().BeEquivalentTo(["com.apple.ftpd"]);
    }

    [Fact]
    public void Output_without_entries_disables_nothing()
    {
        LaunchdDisabledList.DisabledLabels("disabled services = {\n}\n").Should().BeEmpty();
    }
}
