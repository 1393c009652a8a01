using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Adapters.MacOs;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.ServiceDefinitions;

namespace RigBootstrap.Core.Tests.Adapters.MacOs;

/// <summary>MDMOverrides.plist in both forms: <c>Allowed</c> (macOS 10.14) and <c>Authorization</c> (macOS 11), Apple Events one level deeper.</summary>
public sealed class MdmOverridesParserTests
{
    [Fact]
    public void The_allowed_form_gives_one_entry_per_client_and_service_with_the_receiver_of_apple_events()
    {
        // Act
        var entries = MdmOverridesParser.Parse(PlistReader.Parse(MacOsFixtures.ReadText("tcc-mdmoverrides-allowed.plist")));

        // Assert
        entries.Select(e => (e.Service, e.Client, e.IdentifierType, e.Receiver, e.Authorization)).Should().Equal(
            ("kTCCServiceAppleEvents", "/Users/carl/Desktop/git/outset/pkgroot/usr/local/outset/outset", "path", "com.apple.systemevents", TccPolicyAuthorization.Allow),
            ("kTCCServiceSystemPolicyAllFiles", "com.microsoft.wdav", "bundleID", (string?)null, TccPolicyAuthorization.Allow),
            ("kTCCServiceSystemPolicyAllFiles", "com.microsoft.wdav.epsext", "bundleID", (string?)null, TccPolicyAuthorization.Deny));
        entries[1].CodeRequirement.Should().StartWith("identifier \"com.microsoft.wdav\" and anchor apple generic");
        entries.Should().OnlyContain(e => e.Origin == "MDMOverrides.plist");
    }

    [Fact]
    public void The_authorization_form_reads_allow_deny_and_the_standard_users_say()
    {
        // Act
        var entries = MdmOverridesParser.Parse(PlistReader.Parse(MacOsFixtures.ReadText("tcc-mdmoverrides-authorization.plist")));

        // Assert
        entries.Select(e => (e.Service, e.Client, e.Authorization)).Should().Equal(
            ("kTCCServiceAccessibility", "/usr/local/bin/rig-agent", TccPolicyAuthorization.Allow),
            ("kTCCServiceScreenCapture", "/usr/local/bin/rig-agent", TccPolicyAuthorization.AllowStandardUserToSetSystemService),
            ("kTCCServiceAppleEvents", "com.vmware.fusionApplicationsMenu", TccPolicyAuthorization.Allow),
            ("kTCCServiceCamera", "com.vmware.fusionApplicationsMenu", TccPolicyAuthorization.Deny));
        entries[2].Receiver.Should().Be("com.apple.systemevents");
    }

    [Fact]
    public void An_apple_events_entry_without_its_own_receiver_key_takes_the_dictionarys_key()
    {
        // Arrange
        var xml = Plist("<dict><key>com.rig.agent</key><dict><key>kTCCServiceAppleEvents</key><dict><key>com.apple.finder</key><dict>"
            + "<key>Identifier</key><string>com.rig.agent</string><key>IdentifierType</key><string>bundleID</string>"
            + "<key>Authorization</key><string>Allow</string></dict></dict></dict></dict>");

        // Act
        var entry = MdmOverridesParser.Parse(PlistReader.Parse(xml)).Should().ContainSingle().Subject;

        // Assert
        entry.Receiver.Should().Be("com.apple.finder");
        entry.CodeRequirement.Should().BeNull();
    }

    [Theory]
    [InlineData("<dict><key>Identifier</key><string>a.b</string></dict>")]
    [InlineData("<dict><key>Authorization</key><string>Allow</string></dict>")]
    [InlineData("<dict><key>Identifier</key><string>a.b</string><key>Authorization</key><string>Maybe</string></dict>")]
    [InlineData("<string>not an identity</string>")]
    public void An_entry_without_an_identifier_or_a_decision_is_left_out(string identity)
    {
        // Arrange
        var xml = Plist($"<dict><key>a.b</key><dict><key>kTCCServiceAccessibility</key>{identity}</dict></dict>");

        // Act
        var entries = MdmOverridesParser.Parse(PlistReader.Parse(xml));

        // Assert
        entries.Should().BeEmpty();
    }

    [Fact]
    public void Allowed_true_with_authorization_deny_is_a_deny_the_stricter_wins()
    {
        // Arrange
        var xml = Plist("<dict><key>a.b</key><dict><key>kTCCServiceAccessibility</key><dict><key>Identifier</key><string>a.b</string>"
            + "<key>Allowed</key><true/><key>Authorization</key><string>Deny</string></dict></dict></dict>");

        // Act
        var entry = MdmOverridesParser.Parse(PlistReader.Parse(xml)).Single();

        // Assert
        entry.Authorization.Should().Be(TccPolicyAuthorization.Deny);
    }

    [Fact]
    public void A_root_that_is_not_a_dictionary_is_a_format_error()
    {
        // Act
        var parse = () => MdmOverridesParser.Parse(new PlistArray([]));

        // Assert
        parse.Should().Throw<FormatException>().WithMessage("*dictionary keyed by client*");
    }

    private static string Plist(string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n" + body + "\n</plist>\n";
}
