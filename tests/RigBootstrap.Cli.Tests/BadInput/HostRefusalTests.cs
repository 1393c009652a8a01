using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.BadInput;

/// <summary>
/// docs/invariants.md I9 for what only the host can refuse (docs/os-upgrade.md, docs/mdm.md): `install` asks the Mac, read-only, and
/// exits 78 naming the field and the fix, with the host root untouched and launchd never asked.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class HostRefusalTests(PublishedBinary binary)
{
    private const string SecretSteps = """
        "ageKey": { "path": "/Users/rig/.rig/age/key.txt" },
        "secrets": { "source": "/var/db/rig-bootstrap/fleet.sops.env", "envFile": "/Users/rig/.rig/env" }
        """;

    private const string SoftwareUpdateWithoutOwner =
        $$"""{ {{TestConfigs.Agent}}, "steps": { "osUpgrade": { "minimumVersion": "15.1", "mode": "softwareupdate" } } }""";

    private const string Autologin =
        $$"""{ {{TestConfigs.Agent}}, "steps": { {{SecretSteps}}, "autologin": { "user": "rig", "passwordSecret": "AGENT_PASSWORD" } } }""";

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task Softwareupdate_mode_without_a_volume_owner_on_Apple_Silicon_exits_78_and_changes_nothing()
    {
        using var host = new TempHost();

        var result = await InstallAsync(host, SoftwareUpdateWithoutOwner);

        ShouldBeRefused(host, result, "steps.osUpgrade.volumeOwner is missing", "Apple Silicon", "set steps.osUpgrade.mode to \"mdm\"");
        host.ToolCalls("sysctl").Should().Equal("-n hw.optional.arm64");
    }

    [Fact]
    public async Task The_same_config_installs_on_an_Intel_Mac()
    {
        using var host = new TempHost();
        host.WriteToolFile("sysctl.arm64", "0\n");

        var result = await InstallAsync(host, SoftwareUpdateWithoutOwner);

        result.ExitCode.Should().Be(0, result.Describe());
    }

    [Fact]
    public async Task Autologin_forbidden_by_a_managed_profile_exits_78_and_changes_nothing()
    {
        using var host = new TempHost();
        // What mcxd wrote from the MDM's loginwindow payload, as the fake defaults stores it.
        var managed = Path.Join(host.RootDirPath, "Library", "Managed Preferences", "com.apple.loginwindow");
        host.WriteToolFile("defaults.store", $"{managed}\tcom.apple.login.mcx.DisableAutoLoginClient\t1\n");
        host.WriteToolFile("dscl.users", "rig\t6A1C0B52-2E8F-4D71-9C55-0F3A8E2B7D14\t;ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2> ;SecureToken;\n");

        var result = await InstallAsync(host, Autologin);

        ShouldBeRefused(host, result, "steps.autologin cannot work on this Mac", "com.apple.login.mcx.DisableAutoLoginClient", "AutologinUsername/AutologinPassword");
        host.ToolCalls("defaults").Should().OnlyContain(c => c.StartsWith("read ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Autologin_for_an_account_with_its_Apple_Account_password_exits_78_and_changes_nothing()
    {
        using var host = new TempHost();
        host.WriteToolFile("dscl.users", "rig\t6A1C0B52-2E8F-4D71-9C55-0F3A8E2B7D14\t;ShadowHash;HASHLIST:<SALTED-SHA512-PBKDF2> ;AppleID;rig@example.com ;SecureToken;\n");

        var result = await InstallAsync(host, Autologin);

        ShouldBeRefused(host, result, "steps.autologin.user rig signs in with its Apple Account password", ";AppleID;", "AGENT_PASSWORD");
        host.ToolCalls("dscl").Should().Equal(". -read /Users/rig AuthenticationAuthority");
    }

    private async Task<CliResult> InstallAsync(TempHost host, string json)
    {
        var config = host.WriteFile("config.json", json);
        return await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);
    }

    private static void ShouldBeRefused(TempHost host, CliResult result, params string[] mentions)
    {
        result.ExitCode.Should().Be(78, result.Describe());
        result.Stderr.Should().Contain("(exit 78)");
        foreach (var mention in mentions)
        {
            result.Stderr.Should().Contain(mention, result.Describe());
        }

        Directory.EnumerateFileSystemEntries(host.RootDirPath, "*", SearchOption.AllDirectories).Should().BeEmpty("validation comes before any side effect");
        host.LaunchctlCalls().Should().BeEmpty("launchd is not asked anything about a config that cannot run");
    }
}
