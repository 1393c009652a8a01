using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>The PPPC payloads in a <c>profiles show -output stdout-xml</c> listing.</summary>
public sealed class PppcProfilesParserTests
{
    [Fact]
    public void Only_the_pppc_payload_of_the_computer_level_profiles_gives_entries_named_by_their_profile()
    {
        // Act
        var entries = PppcProfilesParser.Parse(PlistReader.Parse(MacOsFixtures.ReadText("profiles-show-stdout-xml-pppc.plist")));

        // Assert
        entries.Select(e => (e.Service, e.Client, e.IdentifierType, e.Authorization, e.Origin)).Should().Equal(
            ("kTCCServiceSystemPolicyAllFiles", "com.microsoft.wdav", "bundleID", TccPolicyAuthorization.Allow, "profile \"Defender - Full Disk Access\""),
            ("kTCCServiceSystemPolicyAllFiles", "com.microsoft.wdav.epsext", "bundleID", TccPolicyAuthorization.Allow, "profile \"Defender - Full Disk Access\""));
        entries[0].CodeRequirement.Should().EndWith("certificate leaf[subject.OU] = UBF8T346G9");
    }

    [Fact]
    public void An_apple_events_identity_carries_its_receiver()
    {
        // Arrange
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict><key>_computerlevel</key><array><dict>"
            + "<key>ProfileIdentifier</key><string>com.example.pppc</string><key>ProfileItems</key><array><dict>"
            + "<key>PayloadType</key><string>com.apple.TCC.configuration-profile-policy</string><key>PayloadContent</key><dict>"
            + "<key>Services</key><dict><key>AppleEvents</key><array><dict><key>Identifier</key><string>/usr/local/bin/rig-agent</string>"
            + "<key>IdentifierType</key><string>path</string><key>AEReceiverIdentifier</key><string>com.apple.systemevents</string>"
            + "<key>Authorization</key><string>Allow</string><key>CodeRequirement</key><string>identifier rig-agent</string></dict></array>"
            + "</dict></dict></dict></array></dict></array></dict>\n</plist>\n";

        // Act
        var entry = PppcProfilesParser.Parse(PlistReader.Parse(xml)).Should().ContainSingle().Subject;

        // Assert
        entry.Should().Be(new TccPolicyEntry("kTCCServiceAppleEvents", "/usr/local/bin/rig-agent", "path", "com.apple.systemevents",
            TccPolicyAuthorization.Allow, "identifier rig-agent", "profile \"com.example.pppc\""));
    }

    [Fact]
    public void A_listing_with_no_profiles_or_only_user_level_ones_gives_nothing()
    {
        // Arrange
        var empty = PlistDictionary.Empty;
        var userOnly = new PlistDictionary([new("rig", new PlistArray([]))]);

        // Act + Assert
        PppcProfilesParser.Parse(empty).Should().BeEmpty();
        PppcProfilesParser.Parse(userOnly).Should().BeEmpty();
    }
}
