using Microsoft.Extensions.Logging.Abstractions;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Tests.Secrets.TestKit;
using RigBootstrap.Core.Tests.TestKit;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>The age-key step with the in-process age: made once, never regenerated (docs/invariants.md I2).</summary>
public sealed class AgeKeyStepTests : IDisposable
{
    private const string KeyLocation = "/Users/rig/.rig/age/key.txt";

    private readonly TempHostRoot _root = new();
    private readonly IAge _age = TestAge.Create();
    private readonly RecordingFileOwnership _ownership = new();
    private readonly StepContexts _contexts = new(NullLogger.Instance);
    private readonly AgeKeyStep _step;

    public AgeKeyStepTests() =>
        _step = new AgeKeyStep(new AgeKeyConfig { Path = KeyLocation }, "rig", _root.Paths, _age, _ownership);

    private string KeyPath => _root.Paths.Resolve(KeyLocation);

    [Fact]
    public async Task A_fresh_host_gets_a_0600_key_owned_by_the_agent_and_its_recipient_as_a_fact()
    {
        // Act
        var probed = await _step.ProbeAsync(_contexts.New("age-key"), CancellationToken.None);
        var result = await _step.ApplyAsync(_contexts.New("age-key"), CancellationToken.None);
        var verified = await _step.VerifyAsync(_contexts.New("age-key"), CancellationToken.None);

        // Assert
        probed.Should().BeFalse();
        result.Should().Be(ApplyResult.Succeeded);
        verified.Should().Be(VerifyResult.Passed);
        File.GetUnixFileMode(KeyPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _contexts.Facts[AgeKeyStep.RecipientFact].Should().Be(await _age.ReadRecipientAsync(KeyPath, CancellationToken.None));
        _ownership.Calls.Should().Contain((KeyPath, "rig"));
        _ownership.Calls.Should().Contain((Path.GetDirectoryName(KeyPath)!, "rig"));
        File.GetUnixFileMode(Path.GetDirectoryName(KeyPath)!).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task The_key_is_generated_once_then_the_probe_is_satisfied_and_a_second_apply_keeps_it()
    {
        // Arrange
        await _step.ApplyAsync(_contexts.New("age-key"), CancellationToken.None);
        var firstKey = File.ReadAllBytes(KeyPath);
        var firstRecipient = _contexts.Facts[AgeKeyStep.RecipientFact];

        // Act
        var probed = await _step.ProbeAsync(_contexts.New("age-key"), CancellationToken.None);
        var again = await _step.ApplyAsync(_contexts.New("age-key"), CancellationToken.None);

        // Assert
        probed.Should().BeTrue();
        again.Should().Be(ApplyResult.Succeeded);
        File.ReadAllBytes(KeyPath).Should().Equal(firstKey);
        _contexts.Facts[AgeKeyStep.RecipientFact].Should().Be(firstRecipient);
    }

    [Theory]
    [InlineData("garbage\n")]
    [InlineData("")]
    [InlineData("AGE-SECRET-KEY-1<redacted>\n")]
    public async Task An_existing_key_that_does_not_parse_halts_with_the_never_replaced_message(string content)
    {
        // Arrange
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.WriteAllText(KeyPath, content);
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // Act
        var probed = await _step.ProbeAsync(_contexts.New("age-key"), CancellationToken.None);
        var result = await _step.ApplyAsync(_contexts.New("age-key"), CancellationToken.None);

        // Assert
        probed.Should().BeFalse();
        var fail = result.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().StartWith(KeyLocation + " exists but is not a readable age key").And.Contain("It is never replaced (docs/invariants.md I2)");
        File.ReadAllText(KeyPath).Should().Be(content);
    }

    [Fact]
    public async Task An_existing_readable_key_with_loose_permissions_is_kept_and_made_private()
    {
        // Arrange
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.Copy(SopsFixtures.PathOf("kustomize-controller/age.txt"), KeyPath);
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = File.ReadAllBytes(KeyPath);

        // Act
        var probed = await _step.ProbeAsync(_contexts.New("age-key"), CancellationToken.None);
        var result = await _step.ApplyAsync(_contexts.New("age-key"), CancellationToken.None);

        // Assert
        probed.Should().BeFalse("a key others can read is not in place yet");
        result.Should().Be(ApplyResult.Succeeded);
        File.ReadAllBytes(KeyPath).Should().Equal(before);
        File.GetUnixFileMode(KeyPath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _contexts.Facts[AgeKeyStep.RecipientFact].Should().Be(SopsFixtures.KustomizeRecipient);
    }

    [Fact]
    public async Task A_symlink_at_the_key_path_is_refused_and_left_alone()
    {
        // Arrange
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        var target = Path.Join(_root.Paths.RootDirPath, "elsewhere");
        File.WriteAllText(target, "not yours");
        File.CreateSymbolicLink(KeyPath, target);

        // Act
        var result = await _step.ApplyAsync(_contexts.New("age-key"), CancellationToken.None);

        // Assert
        result.Should().BeOfType<ApplyResult.Fail>().Which.Reason.Should().Contain("is a symlink or a directory");
        File.ReadAllText(target).Should().Be("not yours");
        _ownership.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task Through_the_engine_the_recipient_reaches_the_state_and_a_reset_never_regenerates_the_key()
    {
        // Arrange
        using var engine = new LoggedEngine(paths => [new AgeKeyStep(new AgeKeyConfig { Path = KeyLocation }, "rig", paths, _age, _ownership)]);
        var keyPath = engine.Root.Paths.Resolve(KeyLocation);
        (await engine.RunAsync()).Should().Be(RunOutcome.Completed);
        var key = File.ReadAllBytes(keyPath);
        var recipient = engine.State.Step("age-key").Facts[AgeKeyStep.RecipientFact];
        File.Delete(engine.Root.Paths.StatePath);
        File.Delete(engine.Root.Paths.PreviousStatePath);

        // Act: a fresh state file, as after `reset`: the step must find the key in place.
        var outcome = await engine.RunAsync();

        // Assert
        outcome.Should().Be(RunOutcome.Completed);
        recipient.Should().Be(await _age.ReadRecipientAsync(keyPath, CancellationToken.None));
        engine.State.Step("age-key").State.Should().Be(RigBootstrap.Core.State.StepState.Skipped);
        engine.State.Step("age-key").Facts[AgeKeyStep.RecipientFact].Should().Be(recipient);
        File.ReadAllBytes(keyPath).Should().Equal(key);
    }

    public void Dispose() => _root.Dispose();
}
