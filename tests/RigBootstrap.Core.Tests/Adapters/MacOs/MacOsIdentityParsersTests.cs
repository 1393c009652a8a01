using RigBootstrap.Core.Adapters.MacOs;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>The parsers behind the volume-owner check and doctor's bootstrap-token report, against the real samples.</summary>
public sealed class MacOsIdentityParsersTests
{
    [Fact]
    public void The_catalina_listing_gives_four_users_with_their_types_and_no_owner_lines()
    {
        var users = DiskutilApfsUsersParser.Parse(MacOsFixtures.ReadText("diskutil-apfs-listusers-catalina-10.15.6-redacted.txt"));

        users.Should().Equal(
            new ApfsCryptoUser("FB756838-XXXX-XXXX-XXXX-40FB5E7D5D3F", "Local Open Directory User", null),
            new ApfsCryptoUser("EBC6C064-XXXX-XXXX-XXXX-00306543ECAC", "Personal Recovery User", null),
            new ApfsCryptoUser("C22BDCD3-XXXX-XXXX-XXXX-65D3332605C3", "Local Open Directory User", null),
            new ApfsCryptoUser("2457711A-XXXX-XXXX-XXXX-F48A571D5036", "MDM Bootstrap Token External Key", null));
    }

    [Fact]
    public void The_2018_listing_with_four_space_indents_gives_six_users()
    {
        var users = DiskutilApfsUsersParser.Parse(MacOsFixtures.ReadText("diskutil-apfs-listusers-icloud-recovery-2018.txt"));

        users.Select(u => u.Type).Should().Equal("Local Open Directory User", "Local Open Directory User", "Local Open Directory User",
            "iCloud Recovery User", "iCloud Recovery External Key", "Personal Recovery User");
        users[^1].Uuid.Should().Be("EBC6C064-0000-11AA-AA11-00306543ECAC");
    }

    [Fact]
    public void Output_that_is_no_listing_is_refused()
    {
        var act = () => DiskutilApfsUsersParser.Parse("Could not find disk: /\n");

        act.Should().Throw<FormatException>().WithMessage("*no cryptographic users*Could not find disk*");
    }

    [Fact]
    public void A_server_without_bootstrap_token_support_says_so_and_nothing_about_escrow()
    {
        var status = BootstrapTokenStatusParser.Parse(MacOsFixtures.ReadText("profiles-status-bootstraptoken-not-supported-catalina.txt"));

        status.Should().Be(new BootstrapTokenStatus(false, null));
    }

    [Fact]
    public void An_escrowed_token_is_read_from_the_wording_admin_scripts_match()
    {
        // No captured YES sample was found; this is the two-line wording Jamf extension attributes and Apple Silicon
        // update scripts test for ("Bootstrap Token escrowed to server: YES").
        var status = BootstrapTokenStatusParser.Parse("profiles: Bootstrap Token supported on server: YES\nprofiles: Bootstrap Token escrowed to server: YES\n");

        status.Should().Be(new BootstrapTokenStatus(true, true));
    }

    [Theory]
    [InlineData("GeneratedUID: 6A1C0B52-2E8F-4D71-9C55-0F3A8E2B7D14\n", "GeneratedUID", new[] { "6A1C0B52-2E8F-4D71-9C55-0F3A8E2B7D14" })]
    [InlineData("RealName:\n Rig Agent\n", "RealName", new[] { "Rig Agent" })]
    [InlineData("AuthenticationAuthority: ;ShadowHash; ;SecureToken;\n", "AuthenticationAuthority", new[] { ";ShadowHash;", ";SecureToken;" })]
    [InlineData("No such key: GeneratedUID\n", "GeneratedUID", new string[0])]
    public void Dscl_attributes_are_read_in_both_of_its_layouts(string output, string attribute, string[] expected)
    {
        DsclAttributeParser.Values(output, attribute).Should().Equal(expected);
    }
}
