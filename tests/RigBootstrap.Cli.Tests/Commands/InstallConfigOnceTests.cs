using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>`install` reads the config file once: a file changed while install runs cannot be installed unvalidated.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class InstallConfigOnceTests(PublishedBinary binary)
{
    // softwareupdate mode without a volume owner makes install ask sysctl, after validating and before writing anything.
    private const string Config =
        $$"""{ {{TestConfigs.Agent}}, "steps": { "osUpgrade": { "minimumVersion": "15.1", "mode": "softwareupdate" } } }""";

    private const string Unvalidated = $$"""{ {{TestConfigs.Agent}}, "colour": "blue" }""";

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task A_config_replaced_while_install_asks_the_host_is_not_installed_the_validated_one_is()
    {
        // Arrange: sysctl, asked mid-install, replaces the config file with one install would refuse, then answers "Intel".
        using var host = new TempHost();
        var config = host.WriteFile("config.json", Config);
        var replacement = host.WriteFile("replacement.json", Unvalidated);
        host.WriteToolFile("sysctl", $$"""
            #!/bin/sh
            echo "$*" >> '{{host.ToolsDirPath}}/sysctl.log'
            case "$*" in
              *hw.optional.arm64*) cp '{{replacement}}' '{{config}}'; echo 0 ;;
              *) echo "{ sec = 1700000000, usec = 0 } Thu Nov 14 22:13:20 2023" ;;
            esac
            """);

        // Act
        var result = await _cli.RunAsync(["install", "--config", config, .. host.HostArguments]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        host.ToolCalls("sysctl").Should().Contain("-n hw.optional.arm64", "the file was replaced during the install");
        File.ReadAllText(config).Should().Be(Unvalidated);
        File.ReadAllText(host.InstalledConfigPath).Should().Be(Config, "the installed config is the one that was validated");
    }
}
