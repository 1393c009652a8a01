using System.Security;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Reliability;

/// <summary>
/// The fleet's MDM as a Mac sees it (docs/tcc.md): a PPPC profile it installs shows in the profiles listing (the
/// fake `profiles` prints profiles.listing) and tccd records its grants in MDMOverrides.plist, a binary plist under
/// the host root; TCC.db gets no row. It can also withhold Full Disk Access from our daemon, as a fleet whose profile
/// lacks SystemPolicyAllFiles does: then plutil cannot open MDMOverrides.plist and sqlite3 cannot open TCC.db, while
/// root still reads the profiles listing. Written by hand, independent of the product's plist code.
/// </summary>
public sealed class FleetMdm(TempHost host)
{
    public const string ProfileName = "Fleet build hosts - PPPC";

    private const string Header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n";

    private string OverridesPath => Path.Join(host.RootDirPath, "Library", "Application Support", "com.apple.TCC", "MDMOverrides.plist");

    /// <summary>Installs the one PPPC profile granting <paramref name="service"/> to the path <paramref name="client"/> (replacing any earlier one).</summary>
    public async Task InstallPppcProfileAsync(string service, string client)
    {
        var requirement = SecurityElement.Escape(
            $"identifier \"{Path.GetFileName(client)}\" and anchor apple generic and certificate 1[field.1.2.840.113635.100.6.2.6] /* exists */ "
            + "and certificate leaf[field.1.2.840.113635.100.6.1.13] /* exists */ and certificate leaf[subject.OU] = EXAMPLE123");
        var identity = $"<key>Authorization</key><string>Allow</string><key>CodeRequirement</key><string>{requirement}</string>"
            + $"<key>Identifier</key><string>{SecurityElement.Escape(client)}</string><key>IdentifierType</key><string>path</string>";
        var payloadKey = service["kTCCService".Length..];
        File.WriteAllText(Path.Join(host.ToolsDirPath, "profiles.listing"), Header
            + "<dict><key>_computerlevel</key><array><dict>"
            + $"<key>ProfileDisplayName</key><string>{ProfileName}</string><key>ProfileIdentifier</key><string>com.example.fleet.pppc</string>"
            + "<key>ProfileInstallDate</key><string>2026-11-20 09:00:00 +0000</string><key>ProfileItems</key><array><dict>"
            + $"<key>PayloadContent</key><dict><key>Services</key><dict><key>{payloadKey}</key><array><dict>{identity}</dict></array></dict></dict>"
            + "<key>PayloadIdentifier</key><string>com.example.fleet.pppc.tcc</string>"
            + "<key>PayloadType</key><string>com.apple.TCC.configuration-profile-policy</string><key>PayloadVersion</key><integer>1</integer>"
            + "</dict></array><key>ProfileType</key><string>Configuration</string></dict></array></dict>\n</plist>\n");

        // tccd's copy: client, then service, then the identity; kept as a binary plist, which only plutil reads on a Mac.
        var xml = Path.Join(host.DirPath, "MDMOverrides.xml");
        File.WriteAllText(xml, Header + $"<dict><key>{SecurityElement.Escape(client)}</key><dict><key>{service}</key><dict>{identity}</dict></dict></dict>\n</plist>\n");
        Directory.CreateDirectory(Path.GetDirectoryName(OverridesPath)!);
        using var child = ChildProcess.Start(ToolPath.Require("plistutil", "libplist-utils"), ["-i", xml, "-o", OverridesPath, "-f", "bin"], new Dictionary<string, string?>());
        var result = await child.WaitAsync(TimeSpan.FromSeconds(30));
        result.ExitCode.Should().Be(0, result.Describe());
        File.Exists(OverridesPath).Should().BeTrue($"plistutil wrote {OverridesPath}\n{result.Describe()}");
    }

    /// <summary>From now on our daemon has no Full Disk Access: TCC refuses it MDMOverrides.plist and TCC.db.</summary>
    public void WithholdFullDiskAccess()
    {
        File.WriteAllText(Path.Join(host.ToolsDirPath, "tcc.no-fda"), "");
        // The real sqlite3 behind the usual logging shim, refusing the databases under com.apple.TCC as macOS does.
        var sqlite3 = Path.Join(host.ToolsDirPath, "sqlite3");
        File.WriteAllText(sqlite3, "#!/bin/sh\n"
            + "here=$(dirname \"$0\")\nprintf '%s\\n' \"$*\" >> \"$here/sqlite3.log\"\n"
            + "if [ -e \"$here/tcc.no-fda\" ]; then\n  for a in \"$@\"; do\n    case \"$a\" in\n"
            + "      */com.apple.TCC/TCC.db) echo \"Error: unable to open database \\\"$a\\\": authorization denied\" >&2; exit 1 ;;\n"
            + "    esac\n  done\nfi\n"
            + $"exec '{ToolPath.Require("sqlite3", "sqlite3")}' \"$@\"\n");
        File.SetUnixFileMode(sqlite3, (UnixFileMode)0b111_101_101);
    }
}
