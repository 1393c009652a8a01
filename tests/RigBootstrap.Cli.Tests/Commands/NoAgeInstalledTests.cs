using System.Text.Json;
using RigBootstrap.Cli.Tests.TestKit;

namespace RigBootstrap.Cli.Tests.Commands;

/// <summary>
/// `demo` and `rehearse` on a machine where age cannot run (issue 11): the host key and the SOPS data key are handled
/// in process, so the secrets steps still run, and git and sqlite3 are still found at their absolute paths.
/// </summary>
[Collection(PublishedBinaryCollection.Name)]
public sealed class NoAgeInstalledTests(PublishedBinary binary) : IDisposable
{
    private readonly TempHost _host = new();

    [NoAgeSandboxFact]
    public async Task Demo_completes_with_its_age_key_and_secrets_steps_where_no_age_can_run()
    {
        // Act
        var result = await RunWithoutAgeAsync(["demo", "--into", _host.RootDirPath]);

        // Assert
        result.ExitCode.Should().Be(0, result.Describe());
        result.Stdout.Should().NotContain("age is not installed").And.NotContain("left out");
        using var state = JsonDocument.Parse(File.ReadAllText(_host.StatePath));
        state.RootElement.GetProperty("workflow").GetProperty("state").GetString().Should().Be("Completed");
        var steps = state.RootElement.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("state").GetString());
        steps.Should().Contain("age-key", "Succeeded").And.Contain("secrets", "Succeeded").And.Contain("first-deploy", "Succeeded").And.Contain("tcc", "Succeeded");
        state.RootElement.GetProperty("ageRecipient").GetString().Should().StartWith("age1");
    }

    [NoAgeSandboxFact]
    public async Task Rehearse_reaches_the_recipient_wait_where_no_age_can_run()
    {
        // Arrange
        var config = _host.WriteFile("config.json", File.ReadAllText(Path.Join(RepositoryRoot.Find(), "tests", "Fixtures", "configs", "design-example.json")));
        var sops = _host.WriteFile("fleet.env", File.ReadAllText(Path.Join(RepositoryRoot.Find(), "tests", "Fixtures", "sops", "kustomize-controller", "env.env")));

        // Act
        var result = await RunWithoutAgeAsync(["rehearse", "--config", config, "--sops-file", sops]);

        // Assert: the key was made in process, so the rehearsal stops where a person must register it.
        result.ExitCode.Should().Be(2, result.Describe());
        result.Stdout.Should().Contain("recipient not registered: age1").And.Contain("End state: Waiting");
    }

    public void Dispose() => _host.Dispose();

    private async Task<CliResult> RunWithoutAgeAsync(IReadOnlyList<string> arguments)
    {
        var emptyDirPath = Directory.CreateDirectory(Path.Join(_host.DirPath, "empty-path")).FullName;
        var command = NoAgeSandbox.Wrap([binary.FilePath, .. arguments], emptyDirPath);
        using var child = ChildProcess.Start("/usr/bin/env", command, new Dictionary<string, string?>
        {
            ["RIG_BOOTSTRAP_ROOT"] = null,
            ["RIG_BOOTSTRAP_TOOLS_DIR"] = null,
        });
        return await child.WaitAsync(RigBootstrapCli.RunTimeout);
    }
}
