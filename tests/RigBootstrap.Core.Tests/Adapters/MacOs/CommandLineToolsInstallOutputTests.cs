using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

public sealed class CommandLineToolsInstallOutputTests
{
    /// <summary>The fixtures these tests cover, for the softwareupdate coverage test.</summary>
    public static readonly IEnumerable<string> FixtureNames =
    [
        "softwareupdate-install-clt-16.4-homebrew-installer.txt",
        "softwareupdate-install-clt-elcapitan-10.11.4.txt",
        "softwareupdate-install-clt-no-such-update.txt",
    ];

    [Fact]
    public void Every_softwareupdate_install_clt_fixture_is_covered()
    {
        FixtureNames.Should().BeEquivalentTo(MacOsFixtures.NamesStartingWith("softwareupdate-install-clt-"));
    }

    [Theory]
    [InlineData("softwareupdate-install-clt-16.4-homebrew-installer.txt", CommandLineToolsInstallOutcome.Installed)]
    [InlineData("softwareupdate-install-clt-elcapitan-10.11.4.txt", CommandLineToolsInstallOutcome.Installed)]
    [InlineData("softwareupdate-install-clt-no-such-update.txt", CommandLineToolsInstallOutcome.NoSuchUpdate)]
    public void Each_real_install_output_is_classified(string fixture, CommandLineToolsInstallOutcome expected)
    {
        CommandLineToolsInstallOutput.Classify(MacOsFixtures.ReadText(fixture)).Should().Be(expected);
    }

    [Fact]
    public void Stderr_noise_after_Done_does_not_hide_it()
    {
        var output = MacOsFixtures.ReadText("softwareupdate-install-clt-16.4-homebrew-installer.txt")
            + "2026-11-25 10:17:16.349 softwareupdate[5131:52164] XType: com.apple.fonts is not accessible.\n";

        CommandLineToolsInstallOutput.Classify(output).Should().Be(CommandLineToolsInstallOutcome.Installed);
    }

    [Fact]
    public void An_install_cut_off_before_Done_is_not_taken_for_installed()
    {
        var output = MacOsFixtures.ReadText("softwareupdate-install-clt-16.4-homebrew-installer.txt");
        var cut = output[..output.IndexOf("Done with", StringComparison.Ordinal)];

        CommandLineToolsInstallOutput.Classify(cut).Should().Be(CommandLineToolsInstallOutcome.Unrecognised);
    }
}
