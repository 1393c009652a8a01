using System.Security.Cryptography;
using System.Text;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Steps;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Tests.Steps;

/// <summary>first-deploy with the real git on a local bare repository and the simulated launchd.</summary>
public sealed class FirstDeployStepTests : IDisposable
{
    private const string EnvContent = "AGENT_TOKEN=s3cr3t-agent-token\n";

    private readonly FirstDeployFixture _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Apply_clones_at_the_sha_switches_current_loads_the_agent_and_writes_the_manifest()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes(EnvContent);
        var step = _host.Step(sha);

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        result.Should().Be(ApplyResult.Succeeded);
        new FileInfo(_host.Layout.CurrentPath).LinkTarget.Should().Be("releases/" + sha);
        File.ReadAllText(_host.Layout.ProgramPath).Should().Contain("rig-deploy 1.0");
        File.GetUnixFileMode(_host.PlistPath).Should().Be((UnixFileMode)Convert.ToInt32("644", 8));
        var status = await _host.Launchd.GetStatusAsync(FirstDeployFixture.AgentLabel, CancellationToken.None);
        status.Should().NotBeNull();
        status!.HasExitedCleanSinceLoad.Should().BeTrue("launchd ran ~/.rig/current/bin/rig-deploy from the release once, at load");
        var manifest = DeployManifestFile.Read(_host.Layout.ManifestPath)!;
        manifest.Sha.Should().Be(sha);
        manifest.ServiceDefinitionSha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(_host.PlistPath))));
        manifest.EnvFileSha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EnvContent))));
        File.ReadAllText(_host.Layout.ManifestPath).Should().NotContain("s3cr3t", "the manifest holds the env file's hash, never its content");
        (await step.ProbeAsync(_host.Facts.NewContext(step.Id), CancellationToken.None)).Should().BeTrue();
        (await step.VerifyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact]
    public async Task The_env_file_under_current_is_carried_into_the_release_and_still_reads_the_same_at_its_configured_path()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes(EnvContent);
        var step = _host.Step(sha);

        await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        var carried = Path.Join(_host.Layout.ReleaseDirPath(sha), "env");
        File.ReadAllText(carried).Should().Be(EnvContent);
        File.GetUnixFileMode(carried).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(_host.EnvFilePath).Should().Be(EnvContent);
        _host.Ownership.Calls.Should().Contain((carried, "claude")).And.Contain((_host.Layout.CurrentPath, "claude"));
        Directory.Exists(_host.Layout.ReplacedCurrentPath).Should().BeFalse();
        File.Exists(_host.Layout.NextCurrentPath).Should().BeFalse();
    }

    [Fact]
    public async Task An_env_file_outside_current_stays_where_it_is_and_only_its_hash_is_recorded()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        var envFile = "/Users/claude/.rig/env";
        _host.WriteEnvFileAsTheSecretsStepDoes(EnvContent, _host.Root.Paths.Resolve(envFile));
        var step = _host.Step(sha, envFile: envFile);

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        result.Should().Be(ApplyResult.Succeeded);
        File.Exists(Path.Join(_host.Layout.ReleaseDirPath(sha), "env")).Should().BeFalse();
        DeployManifestFile.Read(_host.Layout.ManifestPath)!.EnvFileSha256.Should().Be(DeployManifestFile.Sha256Of(EnvContent));
    }

    [Fact]
    public async Task A_second_apply_changes_nothing_and_clones_nothing()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes(EnvContent);
        var step = _host.Step(sha);
        await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);
        var before = HostSnapshot.Of(_host.Root.Paths.RootDirPath);

        var again = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        again.Should().Be(ApplyResult.Succeeded);
        HostSnapshot.Of(_host.Root.Paths.RootDirPath).Should().Equal(before);
        _host.Git.Clones.Should().Be(1);
    }

    [Fact]
    public async Task A_crash_between_clone_and_switch_converges_without_cloning_again()
    {
        // Arrange: the release is complete, but the crash came before `current` was switched.
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes(EnvContent);
        Directory.CreateDirectory(_host.Layout.ReleasesDirPath);
        await _host.Git.CloneAtAsync(_host.Origin.BarePath, sha, _host.Layout.ReleaseDirPath(sha), CancellationToken.None);
        var step = _host.Step(sha);
        var probedBefore = await step.ProbeAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        probedBefore.Should().BeFalse();
        result.Should().Be(ApplyResult.Succeeded);
        _host.Git.Clones.Should().Be(1, "the release directory was already whole");
        (await step.VerifyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact]
    public async Task A_clone_cut_short_and_a_damaged_release_are_made_again_and_a_crash_after_moving_current_aside_converges()
    {
        // Arrange: a half-made staging clone, a release directory that is no checkout, and the old `current`
        // directory already moved aside, so there is no `current` and the env file sits in current.replaced.
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes(EnvContent);
        var step = _host.Step(sha);
        Directory.CreateDirectory(Path.Join(_host.Layout.StagingDirPath(sha), ".git"));
        Directory.CreateDirectory(_host.Layout.ReleaseDirPath(sha));
        Directory.Move(_host.Layout.CurrentPath, _host.Layout.ReplacedCurrentPath);

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        result.Should().Be(ApplyResult.Succeeded);
        _host.Git.Clones.Should().Be(1);
        Directory.Exists(_host.Layout.StagingDirPath(sha)).Should().BeFalse();
        Directory.Exists(_host.Layout.ReplacedCurrentPath).Should().BeFalse();
        File.ReadAllText(_host.EnvFilePath).Should().Be(EnvContent);
        (await step.VerifyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None)).Should().Be(VerifyResult.Passed);
    }

    [Fact]
    public async Task A_sha_the_repository_lacks_fails_clearly_without_retry_and_leaves_no_release()
    {
        _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes(EnvContent);
        const string wrongSha = "0123456789abcdef0123456789abcdef01234567";
        var step = _host.Step(wrongSha);

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().Contain(wrongSha).And.Contain("set firstDeploy.sha");
        Directory.EnumerateFileSystemEntries(_host.Layout.ReleasesDirPath).Should().BeEmpty();
        File.Exists(_host.PlistPath).Should().BeFalse();
    }

    [Fact]
    public async Task A_repository_address_with_a_token_fails_before_any_clone_and_the_token_is_not_in_the_reason()
    {
        var step = new FirstDeployStep(
            new FirstDeployConfig { Repository = "https://ghp_t0ken@github.com/example/automate-e.git", Sha = new string('a', 40), AgentLabel = FirstDeployFixture.AgentLabel },
            FirstDeployFixture.Agent, FirstDeployFixture.EnvFile, HostPlatform.MacOs, [], _host.Root.Paths, _host.Git, _host.Launchd, _host.Ownership, _host.LoginWindow);

        var result = await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        var fail = result.Should().BeOfType<ApplyResult.Fail>().Subject;
        fail.Retryable.Should().BeFalse();
        fail.Reason.Should().NotContain("ghp_t0ken").And.Contain("deploy key");
        _host.Git.Clones.Should().Be(0);
    }

    [Fact]
    public async Task A_changed_env_file_makes_the_probe_false_and_apply_records_its_new_hash_without_reloading_the_agent()
    {
        var sha = _host.Origin.CommitAgent("1.0");
        _host.WriteEnvFileAsTheSecretsStepDoes(EnvContent);
        var step = _host.Step(sha);
        await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);
        var runsBefore = (await _host.Launchd.GetStatusAsync(FirstDeployFixture.AgentLabel, CancellationToken.None))!.Runs;
        _host.WriteEnvFileAsTheSecretsStepDoes("AGENT_TOKEN=rotated\n");

        var probed = await step.ProbeAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);
        await step.ApplyAsync(_host.Facts.NewContext(step.Id), CancellationToken.None);

        probed.Should().BeFalse();
        DeployManifestFile.Read(_host.Layout.ManifestPath)!.EnvFileSha256.Should().Be(DeployManifestFile.Sha256Of("AGENT_TOKEN=rotated\n"));
        (await _host.Launchd.GetStatusAsync(FirstDeployFixture.AgentLabel, CancellationToken.None))!.Runs.Should().Be(runsBefore);
        (await step.ProbeAsync(_host.Facts.NewContext(step.Id), CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public void It_depends_on_the_configured_steps_it_is_given_and_never_needs_a_reboot()
    {
        var step = _host.Step(new string('a', 40));

        step.Id.Should().Be(BuiltInStepIds.FirstDeploy);
        step.DependsOn.Should().Equal(BuiltInStepIds.Secrets, BuiltInStepIds.Keychain);
        step.Traits.MayNeedReboot.Should().BeFalse();
        step.Traits.RebootsItself.Should().BeFalse();
    }
}
