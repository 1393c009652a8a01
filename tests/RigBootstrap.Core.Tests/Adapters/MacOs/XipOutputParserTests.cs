using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>`xip --expand` output from tests/Fixtures/macos: the certificate, the expanded archive, and the error with its fix.</summary>
public sealed class XipOutputParserTests
{
    [Fact]
    public void A_successful_expand_names_the_certificate_and_the_archive()
    {
        var output = XipOutputParser.Parse(MacOsFixtures.ReadText("xip-expand-xcode-11.2-beta2.txt"), "");

        output.Should().Be(new XipExpandOutput { SigningCertificate = "Software Update", ExpandedFrom = "~/Xcode_11.2_beta_2.xip" });
    }

    [Fact]
    public void Operation_not_permitted_is_an_error_whose_fix_is_Full_Disk_Access()
    {
        var output = XipOutputParser.Parse(
            MacOsFixtures.ReadText("xip-expand-xcode-16.0-not-permitted.txt"),
            MacOsFixtures.ReadText("xip-expand-xcode-16.0-not-permitted.stderr.txt"));

        output.SigningCertificate.Should().Be("Software Update");
        output.ExpandedFrom.Should().BeNull();
        output.Error.Should().StartWith("The archive “Xcode-16.0.0+16A242d.xip” failed to be moved to the final destination").And.EndWith("Operation not permitted.");
        XipOutputParser.FixFor(output).Should().Contain("Full Disk Access").And.Contain("retry xcode");
    }

    [Theory]
    [InlineData("The archive “Xcode_13.4.1.xip” can’t be expanded because the selected volume doesn’t have enough free space.", "free disk space")]
    [InlineData("The archive “X.xip” is damaged and can’t be expanded.", "SHA-256 matched")]
    [InlineData("something new", "Full Disk Access")]
    public void Other_errors_name_their_fix(string error, string fix)
    {
        var output = XipOutputParser.Parse("", $"xip: error: {error}\n");

        output.Error.Should().Be(error);
        XipOutputParser.FixFor(output).Should().Contain(fix);
    }

    [Fact]
    public void Every_xip_fixture_yields_a_certificate_or_an_error()
    {
        var names = MacOsFixtures.NamesStartingWith("xip-expand-");

        names.Should().HaveCount(3);
        names.Select(n => XipOutputParser.Parse("", MacOsFixtures.ReadText(n))).Should().OnlyContain(o => o.SigningCertificate == "Software Update" || o.Error != null);
    }
}
