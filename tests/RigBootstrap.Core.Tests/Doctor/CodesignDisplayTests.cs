using RigBootstrap.Core.Doctor;
using RigBootstrap.Core.Tests.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Doctor;

public sealed class CodesignDisplayTests
{
    [Fact]
    public void An_ad_hoc_signature_is_read_with_its_cdhash_and_no_team()
    {
        var display = CodesignDisplay.Parse(MacOsFixtures.ReadText("codesign-display-verbose4-adhoc-linker-signed.txt"));

        display.Should().Be(new CodesignDisplay(IsAdHoc: true, Authority: null, TeamId: null, CdHash: "9ac8f2b102c6f2b8dafc777574099063f0e209f9"));
    }

    [Fact]
    public void A_certificate_signature_names_its_leaf_authority_first()
    {
        var display = CodesignDisplay.Parse(MacOsFixtures.ReadText("codesign-display-verbose2-apple-signed.txt"));

        display.Should().Be(new CodesignDisplay(IsAdHoc: false, Authority: "Software Signing", TeamId: null, CdHash: null));
    }

    [Fact]
    public void A_Developer_ID_signature_names_its_team()
    {
        var display = CodesignDisplay.Parse("Identifier=rig-bootstrap\nAuthority=Developer ID Application: Example Corp (ABCDE12345)\nAuthority=Developer ID Certification Authority\nTeamIdentifier=ABCDE12345\n");

        display.Should().Be(new CodesignDisplay(IsAdHoc: false, Authority: "Developer ID Application: Example Corp (ABCDE12345)", TeamId: "ABCDE12345", CdHash: null));
    }
}
