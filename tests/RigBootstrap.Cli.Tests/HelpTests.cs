using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests;

[Collection(PublishedBinaryCollection.Name)]
public sealed class HelpTests
{
    private static readonly string[] Verbs = ["install", "run", "status", "plan", "graph", "retry", "reset", "uninstall", "demo"];

    private readonly RigBootstrapCli _cli;

    public HelpTests(PublishedBinary binary) => _cli = new RigBootstrapCli(binary.FilePath);

    [Fact]
    public async Task Help_exits_0_and_lists_every_verb_and_the_global_options()
    {
        // Act
        var result = await _cli.RunAsync(["--help"]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        var commandLines = result.Stdout.Split('\n').Select(line => line.Trim()).ToList();
        Verbs.Where(verb => !commandLines.Any(line => line.StartsWith(verb + " ", StringComparison.Ordinal)))
            .Should().BeEmpty($"every verb has its own line\n{result.Stdout}");
        result.Stdout.Should().Contain("--root").And.Contain("--tools-dir");
    }

    [Fact]
    public async Task An_unknown_verb_exits_64_and_points_at_help()
    {
        // Act
        var result = await _cli.RunAsync(["instal"]);

        // Assert
        result.ExitCode.Should().Be(64, result.Describe());
        result.Stderr.Should().Contain("rig-bootstrap --help");
    }
}
