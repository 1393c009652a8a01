using RigBootstrap.Core.Config;

namespace RigBootstrap.Core.Tests.Config;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void The_design_example_parses_to_the_expected_records()
    {
        // Arrange
        var expected = new BootstrapConfig
        {
            Label = "com.rig.bootstrap",
            Agent = new AgentConfig { User = "claude", Home = "/Users/claude" },
            Reboot = new RebootConfig { Mode = RebootMode.Auto, MaxBootsWithoutProgress = 3 },
            Steps = new StepsConfig
            {
                AgeKey = new AgeKeyConfig { Path = "/Users/claude/.rig/age/key.txt" },
                Secrets = new SecretsConfig
                {
                    Source = "/var/db/rig-bootstrap/mac-fleet.sops.env",
                    EnvFile = "/Users/claude/.rig/current/env",
                },
                Keychain = new KeychainConfig
                {
                    Items = [new KeychainItemConfig { Service = "Claude Code-credentials", Account = "claude", Secret = "CLAUDE_OAUTH_JSON" }],
                },
                // Not in the file: added because firstDeploy runs git on a Mac.
                CommandLineTools = new CommandLineToolsConfig(),
                Xcode = new XcodeConfig
                {
                    Version = "16.2",
                    Platforms = ["iOS"],
                    Xip = new XipSourceConfig { Url = "https://mirror.example/xcode/Xcode_16.2.xip", Sha256 = ConfigSamples.XipSha256 },
                },
                Autologin = new AutologinConfig { User = "claude", PasswordSecret = "AGENT_PASSWORD" },
                FirstDeploy = new FirstDeployConfig
                {
                    Repository = "https://github.com/example/automate-e.git",
                    Sha = "0123456789abcdef0123456789abcdef01234567",
                    AgentLabel = "ai.invotek.rig-deploy",
                },
                Tcc = new TccConfig
                {
                    Grants = [new TccGrantConfig { Service = "kTCCServiceAccessibility", Client = "/usr/local/bin/rig-agent" }],
                },
                OsUpgrade = new OsUpgradeConfig { MinimumVersion = "15.1" },
                Handoff = new HandoffConfig { AgentLabel = "ai.invotek.rig-deploy", StableFor = TimeSpan.FromMinutes(1) },
            },
            Commands =
            [
                new CommandStepConfig
                {
                    Id = "brew-bundle",
                    Run = ["/bin/sh", "-c", "brew bundle --file=/etc/Brewfile"],
                    Check = ["/bin/sh", "-c", "brew bundle check --file=/etc/Brewfile"],
                    AsUser = true,
                    RequiresReboot = false,
                    DependsOn = ["secrets"],
                    Retry = new RetryConfig { Attempts = 3, Backoff = TimeSpan.FromSeconds(30) },
                },
            ],
            Events = new EventsConfig { Url = new Uri("https://conductor.example/api/events") },
        };

        // Act
        var config = ConfigLoader.Parse(ConfigSamples.DesignExample, "config.json");

        // Assert
        config.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        // Arrange
        const string json = $$"""
            // The smallest useful host.
            {
              /* who runs the agent */
              "agent": { "user": "claude", "home": "/Users/claude", },
              "steps": { "xcode": { "version": "16.2", "xip": { "path": "/Users/Shared/Xcode.xip", "sha256": "{{ConfigSamples.XipSha256}}", }, }, }, // one step
            }
            """;

        // Act
        var config = ConfigLoader.Parse(json, "config.json");

        // Assert
        config.Steps.Xcode.Should().BeEquivalentTo(new XcodeConfig
        {
            Version = "16.2",
            Xip = new XipSourceConfig { Path = "/Users/Shared/Xcode.xip", Sha256 = ConfigSamples.XipSha256 },
        });
    }

    [Fact]
    public void Fields_left_out_take_their_documented_defaults()
    {
        // Act
        var config = ConfigLoader.Parse(ConfigSamples.Minimal, "config.json");

        // Assert
        config.Label.Should().Be("com.rig.bootstrap");
        config.Reboot.Should().Be(new RebootConfig
        {
            Mode = RebootMode.Auto,
            MaxBootsWithoutProgress = 3,
            MaxRebootsPerStep = 2,
            MaxReboots = 6,
            ShutdownGrace = TimeSpan.FromMinutes(5),
        });
        config.Daemon.Should().Be(new DaemonConfig { ThrottleIntervalSeconds = 10, MaxCrashesPerBoot = 3 });
        config.Commands.Should().BeEmpty();
        config.Events.Should().BeNull();
        config.Tools.Should().BeEmpty();
    }

    [Fact]
    public void A_command_left_at_its_defaults_has_no_check_three_attempts_and_an_hour_timeout()
    {
        // Arrange
        var json = ConfigJson.Minimal().SetRaw("commands", """[ { "id": "hello", "run": ["/bin/echo", "hi"] } ]""");

        // Act
        var command = ConfigLoader.Parse(json.ToString(), "config.json").Commands.Single();

        // Assert
        command.Check.Should().BeEmpty();
        command.DependsOn.Should().BeEmpty();
        command.AsUser.Should().BeFalse();
        command.RequiresReboot.Should().BeFalse();
        command.Retry.Should().Be(new RetryConfig { Attempts = 3, Backoff = TimeSpan.FromSeconds(30) });
        command.Timeout.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Settings_given_explicitly_are_read()
    {
        // Arrange
        var json = ConfigJson.Minimal()
            .Set("label", "org.example.bootstrap")
            .SetRaw("reboot", """{ "mode": "manual", "maxBootsWithoutProgress": 5, "maxRebootsPerStep": 1, "maxReboots": 9, "shutdownGrace": "00:02:30" }""")
            .SetRaw("daemon", """{ "throttleIntervalSeconds": 30, "maxCrashesPerBoot": 7 }""")
            .SetRaw("steps.handoff", """{ "agentLabel": "ai.invotek.rig-deploy", "stableFor": "00:05:00", "timeout": "1.00:00:00" }""")
            .SetRaw("tools", """{ "git": "/opt/homebrew/bin/git", "sw_vers": "/usr/bin/sw_vers" }""");

        // Act
        var config = ConfigLoader.Parse(json.ToString(), "config.json");

        // Assert
        config.Label.Should().Be("org.example.bootstrap");
        config.Reboot.Should().Be(new RebootConfig
        {
            Mode = RebootMode.Manual,
            MaxBootsWithoutProgress = 5,
            MaxRebootsPerStep = 1,
            MaxReboots = 9,
            ShutdownGrace = new TimeSpan(0, 2, 30),
        });
        config.Daemon.Should().Be(new DaemonConfig { ThrottleIntervalSeconds = 30, MaxCrashesPerBoot = 7 });
        config.Steps.Handoff.Should().Be(new HandoffConfig
        {
            AgentLabel = "ai.invotek.rig-deploy",
            StableFor = TimeSpan.FromMinutes(5),
            Timeout = TimeSpan.FromDays(1),
        });
        config.Tools.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["git"] = "/opt/homebrew/bin/git",
            ["sw_vers"] = "/usr/bin/sw_vers",
        });
    }

    [Fact]
    public void A_config_with_several_problems_reports_all_of_them_at_once()
    {
        // Arrange
        var json = ConfigJson.DesignExample()
            .Set("label", "bootstrap")
            .Remove("agent.home")
            .Set("steps.xcode.version", "sixteen")
            .SetRaw("reboot.maxReboots", "0")
            .Set("commands[0].run[0]", "sh")
            .Set("events.url", "ftp://conductor.example");

        // Act
        var errors = ConfigErrors.Of(json);

        // Assert
        errors.Select(error => error.FieldPath).Should().BeEquivalentTo(
            "label", "agent.home", "steps.xcode.version", "reboot.maxReboots", "commands[0].run[0]", "events.url");
    }

    [Fact]
    public void The_exception_message_holds_every_error_on_its_own_line_after_the_file_path()
    {
        // Arrange
        var json = ConfigJson.Minimal().Remove("steps.xcode.version").Set("agent.user", "Claude").ToString();

        // Act
        var exception = FluentActions.Invoking(() => ConfigLoader.Parse(json, "fleet/config.json"))
            .Should().Throw<ConfigException>().Which;

        // Assert
        exception.Message.Split('\n').Should().Equal(exception.Errors.Select(error => error.ToString()));
        exception.Errors.Should().HaveCount(2);
        exception.Errors.Should().OnlyContain(error => error.FilePath == "fleet/config.json");
        exception.Message.Should().Contain(
            "fleet/config.json: steps.xcode.version is missing; set it to an Xcode version such as 16.2");
    }
}
