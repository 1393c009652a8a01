using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using RigBootstrap.Core.Adapters;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;
using RigBootstrap.Core.Install;
using RigBootstrap.Core.Secrets;
using RigBootstrap.Core.State;
using RigBootstrap.Core.Workflow;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Deploys the fleet agent (DESIGN §4): clone at the pinned commit into `~/.rig/releases/&lt;sha&gt;`, carry the env
/// file into it, switch `~/.rig/current` atomically, write and load the agent's service definition, then write
/// `~/.rig/manifest.json`. Each part is skipped when already in place, so a crash anywhere converges (I3).
/// </summary>
public sealed class FirstDeployStep : IStep
{
    private const UnixFileMode DefinitionMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly FirstDeployConfig _config;
    private readonly AgentConfig _agent;
    private readonly HostPlatform _platform;
    private readonly HostPaths _paths;
    private readonly AgentLayout _layout;
    private readonly ReleaseEnvFile _envFile;
    private readonly IGit _git;
    private readonly IServiceManager _services;
    private readonly IFileOwnership _ownership;

    /// <param name="envFile">The secrets step's env file as configured (`secrets.envFile`), or null without secrets.</param>
    /// <param name="dependsOn">The configured ones of `secrets` and `keychain`.</param>
    public FirstDeployStep(
        FirstDeployConfig config, AgentConfig agent, string? envFile, HostPlatform platform, ImmutableArray<string> dependsOn,
        HostPaths paths, IGit git, IServiceManager services, IFileOwnership ownership)
    {
        _config = config;
        _agent = agent;
        _platform = platform;
        _paths = paths;
        _layout = new AgentLayout(paths, agent.Home);
        _envFile = new ReleaseEnvFile(_layout, envFile is null ? null : paths.Resolve(envFile));
        _git = git;
        _services = services;
        _ownership = ownership;
        DependsOn = dependsOn;
        Traits = new StepTraits
        {
            Description = $"deploy {config.AgentLabel} from {config.Repository} at {config.Sha[..Math.Min(12, config.Sha.Length)]}",
            // A clone fails mostly on the network: a few tries a minute apart, not a tight loop.
            MaxAttempts = 5,
            RetryBackoff = TimeSpan.FromMinutes(1),
        };
    }

    public string Id => BuiltInStepIds.FirstDeploy;

    public ImmutableArray<string> DependsOn { get; }

    public StepTraits Traits { get; }

    public async Task<bool> ProbeAsync(StepContext context, CancellationToken cancellationToken) =>
        await FindProblemAsync(checkHead: false, cancellationToken) is null;

    public async Task<ApplyResult> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        if (GitAddress.CarriesCredentials(_config.Repository))
        {
            return new ApplyResult.Fail(GitAddress.CredentialsProblem(_config.Repository), Retryable: false);
        }

        try
        {
            await EnsureReleaseAsync(context.Logger, cancellationToken);
        }
        catch (GitException ex)
        {
            context.Logger.LogError("first-deploy: {Kind} for {Sha}: {Problem}", ex.Kind, _config.Sha, ex.Message);
            return new ApplyResult.Fail(ex.Message, Retryable: ex.Kind is GitErrorKind.CloneFailed or GitErrorKind.Failed);
        }

        if (_envFile.CarryInto(_config.Sha, _agent.User, _ownership) is { } envProblem)
        {
            return new ApplyResult.Fail(envProblem, Retryable: false);
        }

        CurrentReleaseLink.SwitchTo(_layout, _config.Sha, _agent.User, _ownership);
        var definition = AgentServiceDefinition.For(_platform, _paths, _config, _agent);
        try
        {
            await InstallServiceAsync(definition, context.Logger, cancellationToken);
        }
        catch (ServiceManagerException ex)
        {
            return new ApplyResult.Fail($"loading {_config.AgentLabel} failed: {ex.Message}", Retryable: true);
        }

        var manifest = ExpectedManifest(definition);
        if (DeployManifestFile.Read(_layout.ManifestPath) != manifest)
        {
            DeployManifestFile.Write(_layout.ManifestPath, manifest, _agent.User, _ownership);
        }

        context.Logger.LogInformation("first-deploy: {Label} runs {Sha} from {CurrentPath}", _config.AgentLabel, _config.Sha, _layout.CurrentPath);
        return ApplyResult.Succeeded;
    }

    public async Task<VerifyResult> VerifyAsync(StepContext context, CancellationToken cancellationToken) =>
        await FindProblemAsync(checkHead: true, cancellationToken) is { } problem ? VerifyResult.Failed(problem) : VerifyResult.Passed;

    // Null when current points at the pinned release, the definition and manifest match, and the service is loaded.
    private async Task<string?> FindProblemAsync(bool checkHead, CancellationToken cancellationToken)
    {
        if (!CurrentReleaseLink.PointsAt(_layout, _config.Sha))
        {
            return $"{_layout.CurrentPath} does not point at releases/{_config.Sha}";
        }

        if (checkHead)
        {
            try
            {
                var head = await _git.HeadAsync(_layout.ReleaseDirPath(_config.Sha), cancellationToken);
                if (head != _config.Sha)
                {
                    return $"releases/{_config.Sha} has {head} checked out";
                }
            }
            catch (GitException ex)
            {
                return ex.Message;
            }
        }

        var definition = AgentServiceDefinition.For(_platform, _paths, _config, _agent);
        if (!DefinitionIsWritten(definition))
        {
            return $"{definition.Path} is missing, differs from what first-deploy writes, or is not 0644";
        }

        if (DeployManifestFile.Read(_layout.ManifestPath) != ExpectedManifest(definition))
        {
            return $"{_layout.ManifestPath} does not describe this deploy (commit, service definition or env file changed)";
        }

        return await _services.GetStatusAsync(_config.AgentLabel, cancellationToken) is null
            ? $"{_config.AgentLabel} is not loaded"
            : null;
    }

    private async Task EnsureReleaseAsync(ILogger logger, CancellationToken cancellationToken)
    {
        var releaseDirPath = _layout.ReleaseDirPath(_config.Sha);
        if (Directory.Exists(releaseDirPath) && !await HoldsPinnedCommitAsync(releaseDirPath, cancellationToken))
        {
            // Named by its commit, the directory can only hold that commit; anything else is damage: clone again.
            logger.LogWarning("first-deploy: {ReleaseDir} does not hold {Sha}; cloning it again", releaseDirPath, _config.Sha);
            CurrentReleaseLink.RemoveIfPresent(releaseDirPath);
        }

        if (Directory.Exists(releaseDirPath))
        {
            return;
        }

        var stagingDirPath = _layout.StagingDirPath(_config.Sha);
        PrivateDirectories.CreateParentsOf(stagingDirPath, _agent.User, _ownership);
        // A clone cut short by a crash is useless: start it over.
        CurrentReleaseLink.RemoveIfPresent(stagingDirPath);
        try
        {
            await _git.CloneAtAsync(_config.Repository, _config.Sha, stagingDirPath, cancellationToken);
        }
        catch (GitException)
        {
            CurrentReleaseLink.RemoveIfPresent(stagingDirPath);
            throw;
        }

        Directory.Move(stagingDirPath, releaseDirPath);
        DurableFile.SyncDirectory(_layout.ReleasesDirPath);
        logger.LogInformation("first-deploy: cloned {Repository} at {Sha} into {ReleaseDir}", _config.Repository, _config.Sha, releaseDirPath);
    }

    private async Task<bool> HoldsPinnedCommitAsync(string releaseDirPath, CancellationToken cancellationToken)
    {
        try
        {
            return await _git.HeadAsync(releaseDirPath, cancellationToken) == _config.Sha;
        }
        catch (GitException)
        {
            return false;
        }
    }

    private async Task InstallServiceAsync(ServiceDefinitionFile definition, ILogger logger, CancellationToken cancellationToken)
    {
        if (_platform == HostPlatform.MacOs)
        {
            var logDirPath = AgentServiceDefinition.LogDirPath(_paths);
            Directory.CreateDirectory(logDirPath);
            _ownership.GiveToUser(logDirPath, _agent.User);
        }

        if (!DefinitionIsWritten(definition))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(definition.Path)!);
            DurableFile.WriteAtomically(definition.Path, definition.Content, DefinitionMode);
        }

        // The manifest records the definition that was last loaded: a different one means the loaded job is stale.
        var loadedHash = DeployManifestFile.Read(_layout.ManifestPath)?.ServiceDefinitionSha256;
        var loaded = await _services.GetStatusAsync(_config.AgentLabel, cancellationToken) is not null;
        if (loaded && loadedHash != DeployManifestFile.Sha256Of(definition.Content))
        {
            logger.LogInformation("first-deploy: {Label} is loaded from another definition; unloading it to load {Path}", _config.AgentLabel, definition.Path);
            await _services.UnloadAsync(_config.AgentLabel, cancellationToken);
            loaded = false;
        }

        if (!loaded)
        {
            await _services.EnableAsync(_config.AgentLabel, cancellationToken);
            await _services.LoadAsync(_config.AgentLabel, definition.Path, cancellationToken);
        }
    }

    private static bool DefinitionIsWritten(ServiceDefinitionFile definition) =>
        File.Exists(definition.Path)
        && File.GetUnixFileMode(definition.Path) == DefinitionMode
        && File.ReadAllText(definition.Path) == definition.Content;

    private DeployManifest ExpectedManifest(ServiceDefinitionFile definition) => new()
    {
        Sha = _config.Sha,
        Repository = _config.Repository,
        AgentLabel = _config.AgentLabel,
        ServiceDefinitionPath = definition.Path,
        ServiceDefinitionSha256 = DeployManifestFile.Sha256Of(definition.Content),
        EnvFileSha256 = _envFile.FilePath is null ? null : DeployManifestFile.Sha256OfFile(_envFile.FilePath),
    };
}
