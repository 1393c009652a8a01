using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Simulation;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Workflow;

public sealed class WorkflowFactoryTests
{
    private const string KeychainConfig = """
        {
          "agent": { "user": "rig", "home": "/Users/rig" },
          "steps": {
            "ageKey": { "path": "/Users/rig/.rig/age/key.txt" },
            "secrets": { "source": "/var/db/rig-bootstrap/fleet.sops.yaml", "envFile": "/Users/rig/.rig/env" },
            "keychain": { "items": [ { "service": "Claude Code-credentials", "account": "rig", "secret": "TOKEN" } ] }
          }
        }
        """;

    [Theory]
    [InlineData(true, "rig")]
    [InlineData(false, "rig")]
    public void The_keychain_step_runs_security_in_the_agents_session_on_a_real_host_and_in_a_simulation(bool realHost, string? expectedUser)
    {
        // Arrange
        using var root = new TempHostRoot();
        var simulated = new SimulatedHost(root.Paths, TimeProvider.System, NullLoggerFactory.Instance).Services;
        var services = realHost ? simulated with { Paths = HostPaths.ForRoot("/") } : simulated;
        var config = ConfigLoader.Parse(KeychainConfig, "config.json");

        // Act
        var definition = WorkflowFactory.Build(config, services);

        // Assert
        var keychain = definition.Step(BuiltInStepIds.Keychain).Should().BeOfType<KeychainStep>().Subject;
        keychain.Keychain.Path.Should().Be("/Users/rig/Library/Keychains/login.keychain-db");
        keychain.Keychain.UserName.Should().Be(expectedUser);
        keychain.Traits.WaitsEndWithABoot.Should().BeTrue("its waits end with the agent's login at the next boot");
    }

    [Theory]
    [InlineData("macos", true)]
    [InlineData("linux", false)]
    public void First_deploy_waits_for_the_command_line_tools_on_a_Mac_only(string platform, bool expected)
    {
        // Arrange
        using var root = new TempHostRoot();
        var services = new SimulatedHost(root.Paths, TimeProvider.System, NullLoggerFactory.Instance).Services;
        // os-upgrade is macOS-only: a Linux config may not name it.
        var osUpgrade = platform == "macos" ? ", \"osUpgrade\": { \"minimumVersion\": \"15.1\" }" : "";
        var config = ConfigLoader.Parse($$"""
            {
              "platform": "{{platform}}",
              "agent": { "user": "rig", "home": "/Users/rig" },
              "steps": {
                "ageKey": { "path": "/Users/rig/.rig/age/key.txt" },
                "secrets": { "source": "/var/db/rig-bootstrap/fleet.sops.yaml", "envFile": "/Users/rig/.rig/env" },
                "firstDeploy": { "repository": "https://example.invalid/agent.git", "sha": "0123456789abcdef0123456789abcdef01234567", "agentLabel": "ai.invotek.rig-deploy" }{{osUpgrade}}
              }
            }
            """, "config.json");

        // Act
        var definition = WorkflowFactory.Build(config, services with { Platform = platform == "linux" ? HostPlatform.Linux : HostPlatform.MacOs });

        // Assert
        definition.Step(BuiltInStepIds.FirstDeploy).DependsOn.Contains(BuiltInStepIds.CommandLineTools).Should().Be(expected);
        if (expected)
        {
            definition.Step(BuiltInStepIds.CommandLineTools).DependsOn.Should().Equal(BuiltInStepIds.OsUpgrade);
        }
    }
}
