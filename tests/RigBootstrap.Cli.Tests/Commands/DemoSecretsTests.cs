using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>docs/invariants.md I6 after a whole demo: the fleet's secret values are nowhere but in the files that must hold them, all private.</summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class DemoSecretsTests(PublishedBinary binary)
{
    // The demo's fleet secrets (DemoScenario.FleetSecrets): demo values, never real credentials.
    private static readonly string[] SecretValues = ["demo-password-4711", "demo-oauth-token"];

    private readonly RigBootstrapCli _cli = new(binary.FilePath);

    [Fact]
    public async Task After_the_demo_no_secret_is_in_the_state_the_journal_or_the_logs()
    {
        // Arrange
        using var host = new TempHost();

        // Act
        var demo = await _cli.RunAsync(["demo", "--into", host.RootDirPath]);

        // Assert
        demo.ExitCode.Should().Be(0, demo.Describe());
        demo.Stdout.Should().NotContain(SecretValues[0]).And.NotContain(SecretValues[1]);
        var logs = Directory.GetFiles(Path.Join(host.RootDirPath, "Library", "Logs"), "*", SearchOption.AllDirectories);
        logs.Should().NotBeEmpty("the demo logs to the host's log directory");
        foreach (var file in Directory.GetFiles(host.RootDirPath, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            if (SecretValues.Any(v => text.Contains(v, StringComparison.Ordinal)))
            {
                (File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).Should().Be(UnixFileMode.None, $"{file} holds a secret");
                file.Should().NotEndWith("state.json").And.NotEndWith("journal.jsonl").And.NotContain("/Library/Logs/");
            }
        }
    }
}
