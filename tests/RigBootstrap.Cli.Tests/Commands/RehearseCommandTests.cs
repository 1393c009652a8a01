using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>`rehearse --config`: an operator's config on a simulated Mac, with the plan first and the end state last.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class RehearseCommandTests(PublishedBinary binary)
{
    /// <summary>The example config of docs/design.md §8, verbatim.</summary>
    private static readonly string DesignExample =
        File.ReadAllText(Path.Join(RepositoryRoot.Find(), "tests", "Fixtures", "configs", "design-example.json"));


    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task The_design_example_prints_the_plan_the_reboots_and_stops_where_a_person_must_register_the_recipient()
    {
        // Arrange
        using var host = new TempHost();
        var config = host.WriteFile("config.json", DesignExample);
        var sops = host.WriteFile("fleet.env", File.ReadAllText(Path.Join(RepositoryRoot.Find(), "tests", "Fixtures", "sops", "kustomize-controller", "env.env")));

        // Act
        var result = await _cli.RunAsync(["rehearse", "--config", config, "--sops-file", sops]);

        // Assert
        result.ExitCode.Should().Be(2, $"the rehearsal ends in progress, waiting for a person\n{result.Describe()}");
        result.Stdout.Should().Contain("11 steps, in the order they run")
            .And.Contain("Reboots: os-upgrade, autologin need one; they are coalesced into a single reboot")
            .And.Contain("recipient not registered: age1")
            .And.Contain(">>> the rehearsal stops here: secrets waits for its recipient")
            .And.Contain("End state: Waiting");
        var simulatedRoot = result.Stdout.Split("on a simulated Mac at ")[1].Split(' ')[0];
        Directory.Exists(simulatedRoot).Should().BeFalse("a rehearsal works in its own temporary directory and removes it");
    }

    [Fact]
    public async Task A_bad_config_is_refused_with_78_before_any_simulation_starts()
    {
        using var host = new TempHost();
        var config = host.WriteFile("config.json", """{ "agent": { "user": "rig" } }""");

        var result = await _cli.RunAsync(["rehearse", "--config", config]);

        result.ExitCode.Should().Be(78, result.Describe());
        result.Stderr.Should().Contain("agent.home");
    }
}
