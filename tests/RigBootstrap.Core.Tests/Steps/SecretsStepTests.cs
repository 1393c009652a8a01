using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.Secrets.TestKit;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>The secrets step with the in-process age: waiting for the recipient, the 0600 env file, and no leaks (docs/invariants.md I6).</summary>
public sealed class SecretsStepTests : IDisposable
{
    private const string HelmRecipient = "age1rh2xsjg8avja92j3jhtttuczgmqkz89lezxt4e3mmp5ukl5j4f9smvteju";
    private static readonly AgeKeyConfig AgeKey = new() { Path = "/Users/rig/.rig/age/key.txt" };
    private static readonly SecretsConfig Config = new() { Source = "/var/db/rig-bootstrap/fleet.sops.yaml", EnvFile = "/Users/rig/.rig/current/env" };

    private readonly TempHostRoot _root = new();
    private readonly IAge _age = TestAge.Create();
    private readonly RecordingFileOwnership _ownership = new();
    private readonly StepContexts _contexts = new(NullLogger.Instance);
    private readonly SecretsStep _step;

    public SecretsStepTests()
    {
        _step = new SecretsStep(Config, AgeKey, "rig", _root.Paths, _age, _ownership);
        PlaceHostKey(_root.Paths, "helm-secrets/key.txt");
    }

    private string EnvPath => _root.Paths.Resolve(Config.EnvFile);

    [Fact]
    public async Task While_the_host_is_not_a_recipient_the_step_waits_backing_off_then_writes_the_0600_env_file()
    {
        // Arrange: the fleet file is encrypted to another key only.
        PlaceSource(_root.Paths, "kustomize-controller/secret.age.yaml");

        // Act
        var first = await _step.ApplyAsync(_contexts.New("secrets"), CancellationToken.None);
        var second = await _step.ApplyAsync(_contexts.New("secrets"), CancellationToken.None);
        var checksWhileWaiting = _contexts.Facts[SecretsStep.RecipientChecksFact];
        PlaceSource(_root.Paths, "helm-secrets/secrets.age.yaml");
        var third = await _step.ApplyAsync(_contexts.New("secrets"), CancellationToken.None);

        // Assert
        first.Should().Be(new ApplyResult.WaitUntil($"recipient not registered: {HelmRecipient}", TimeSpan.FromSeconds(30)));
        second.Should().Be(new ApplyResult.WaitUntil($"recipient not registered: {HelmRecipient}", TimeSpan.FromMinutes(1)));
        checksWhileWaiting.Should().Be("2");
        third.Should().Be(ApplyResult.Succeeded);
        _contexts.Facts.Should().NotContainKey(SecretsStep.RecipientChecksFact);
        File.GetUnixFileMode(EnvPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var text = File.ReadAllText(EnvPath);
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line[..line.IndexOf('=')]).Should().Equal("global_secret", "key", "service__port");
        var env = EnvFileFormat.Parse(text);
        env["global_secret"].Should().Be("global_age");
        env["service__port"].Should().Be("92");
        _ownership.Calls.Should().Contain((EnvPath, "rig"));
    }

    [Fact]
    public async Task Once_written_the_probe_and_verify_pass_and_the_values_are_found_by_name()
    {
        // Arrange
        PlaceSource(_root.Paths, "helm-secrets/secrets.age.yaml");
        (await _step.ProbeAsync(_contexts.New("secrets"), CancellationToken.None)).Should().BeFalse();
        await _step.ApplyAsync(_contexts.New("secrets"), CancellationToken.None);

        // Act
        var probed = await _step.ProbeAsync(_contexts.New("secrets"), CancellationToken.None);
        var verified = await _step.VerifyAsync(_contexts.New("secrets"), CancellationToken.None);
        var value = await _step.Values.FindAsync("global_secret", CancellationToken.None);

        // Assert
        probed.Should().BeTrue();
        verified.Should().Be(VerifyResult.Passed);
        value.Should().Be("global_age");
    }

    [Theory]
    [InlineData("content")]
    [InlineData("mode")]
    public async Task An_env_file_that_was_changed_or_opened_up_is_not_in_place(string change)
    {
        // Arrange
        PlaceSource(_root.Paths, "helm-secrets/secrets.age.yaml");
        await _step.ApplyAsync(_contexts.New("secrets"), CancellationToken.None);
        if (change == "content")
        {
            File.AppendAllText(EnvPath, "EXTRA=1\n");
        }
        else
        {
            File.SetUnixFileMode(EnvPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        }

        // Act
        var probed = await _step.ProbeAsync(_contexts.New("secrets"), CancellationToken.None);

        // Assert
        probed.Should().BeFalse();
    }

    [Fact]
    public async Task A_tampered_fleet_file_fails_for_good_naming_the_file()
    {
        // Arrange
        var source = PlaceSource(_root.Paths, "helm-secrets/secrets.age.yaml");
        File.WriteAllText(source, Tamper.FlipByte(File.ReadAllText(source), "mac: ", "data"));

        // Act
        var result = await _step.ApplyAsync(_contexts.New("secrets"), CancellationToken.None);

        // Assert
        var fail = result.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().StartWith("tampered SOPS file: " + source);
        File.Exists(EnvPath).Should().BeFalse();
    }

    [Fact]
    public async Task A_missing_fleet_file_fails_for_good_saying_where_to_put_it()
    {
        // Act
        var result = await _step.ApplyAsync(_contexts.New("secrets"), CancellationToken.None);

        // Assert
        result.Should().BeOfType<ApplyResult.Fail>().Which.Reason.Should()
            .Be($"malformed SOPS file: {_root.Paths.Resolve(Config.Source)}: does not exist; put the SOPS file there (see the secrets step's `source`)");
    }

    [Fact]
    public async Task Across_reboots_the_step_waits_for_its_recipient_and_no_decrypted_value_reaches_state_journal_or_logs()
    {
        // Arrange: the real age-key step makes a new key, so no fleet file lists it yet.
        using var engine = new LoggedEngine(paths =>
        [
            new AgeKeyStep(AgeKey, "rig", paths, _age, new RecordingFileOwnership()),
            new SecretsStep(Config, AgeKey, "rig", paths, _age, new RecordingFileOwnership()),
        ]);
        PlaceSource(engine.Root.Paths, "sops-nix/secrets.yaml");
        string[] secrets = ["s3cr3t-Value-42", "pass word\nline two", "7391"];

        // Act: two boots waiting, then the operator re-encrypts the file to the recorded recipient.
        await engine.RunAsync(stopWhen: s => s.Step("secrets").State == StepState.Waiting);
        var recipient = engine.State.Step("age-key").Facts[AgeKeyStep.RecipientFact];
        var firstWait = engine.State.Step("secrets");
        engine.Boot.Reboot();
        await engine.RunAsync(stopWhen: s => s.Step("secrets").Facts.GetValueOrDefault(SecretsStep.RecipientChecksFact) == "2");
        var secondWait = engine.State.Step("secrets");
        engine.Boot.Reboot();
        await WriteFleetFileAsync(engine.Root.Paths, recipient, secrets);
        var outcome = await engine.RunAsync();

        // Assert
        firstWait.WaitingFor.Should().Be($"recipient not registered: {recipient}");
        // Measured from entering Waiting (the fake clock ticks while age runs, so not from the start of the try); the back-off doubled across the reboot.
        (firstWait.NextCheck - firstWait.Since).Should().BeCloseTo(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
        (secondWait.NextCheck - secondWait.Since).Should().BeCloseTo(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));
        outcome.Should().Be(RunOutcome.Completed);
        var env = EnvFileFormat.Parse(File.ReadAllText(engine.Root.Paths.Resolve(Config.EnvFile)));
        env.Values.Should().BeEquivalentTo(secrets);
        var persisted = string.Concat(Directory.GetFiles(engine.Root.Paths.StateDirPath).Select(File.ReadAllText));
        persisted.Should().Contain(recipient);
        foreach (var secret in secrets.SelectMany(s => s.Split('\n')))
        {
            persisted.Should().NotContain(secret);
            engine.Logger.AllText.Should().NotContain(secret);
        }

        engine.Logger.Lines.Should().NotBeEmpty();
    }

    public void Dispose() => _root.Dispose();

    private static void PlaceHostKey(HostPaths paths, string fixtureKey)
    {
        var keyPath = paths.Resolve(AgeKey.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(keyPath)!);
        File.Copy(SopsFixtures.PathOf(fixtureKey), keyPath, overwrite: true);
        File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static string PlaceSource(HostPaths paths, string fixture)
    {
        var source = paths.Resolve(Config.Source);
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.Copy(SopsFixtures.PathOf(fixture), source, overwrite: true);
        return source;
    }

    private static async Task WriteFleetFileAsync(HostPaths paths, string recipient, string[] secrets)
    {
        var sops = await TestSops.CreateAsync(recipient);
        var yaml = new StringBuilder()
            .Append($"token: {sops.Encrypt(secrets[0], "token:")}\n")
            .Append($"agent:\n    password: {sops.Encrypt(secrets[1], "agent:password:")}\n")
            .Append($"pin: {sops.Encrypt(secrets[2], "pin:", "int")}\n")
            .Append(sops.YamlMetadata(sops.Mac(secrets)));
        await File.WriteAllTextAsync(paths.Resolve(Config.Source), yaml.ToString());
    }
}
