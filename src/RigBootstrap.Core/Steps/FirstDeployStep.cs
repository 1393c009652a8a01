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
/// Deploys the fleet agent (docs/design.md §4): clone at the pinned commit into `~/.rig/releases/&lt;sha&gt;`, carry the env
/// file into it, switch `~/.rig/current` atomically, write and load the agent's service definition, then write
/// `~/.rig/manifest.json`. Each part is skipped when already in place, so a crash anywhere converges (docs/invariants.md I3). On a Mac the
/// definition is the agent's LaunchAgent, loaded into its user's GUI session (`launchctl bootstrap gui/&lt;uid&gt;`),
/// which exists only once that user is logged in: until then the step waits, and that wait ends with the boot
/// autologin brings, so it does not hold back that reboot. The plist is written only once the session is there: a
/// plist in ~/Library/LaunchAgents is loaded by the user's login itself (launchd(8)), and the agent must not start
/// before this step (after keychain) has put everything in place.
/// </summary>
public sealed class FirstDeployStep : IStep
{
    private static readonly TimeSpan SessionRetryAfter = TimeSpan.FromMinutes(5);

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
    private readonly ILoginWindow? _session;
    private readonly AgentLoginHint _login;

    /// <param name="envFile">The secrets step's env file as configured (`secrets.envFile`), or null without secrets.</param>
    /// <param name="dependsOn">The configured ones of `secrets` and `keychain`.</param>
    /// <param name="services">The agent's service manager: its user's GUI session on a Mac, systemd on Linux.</param>
    /// <param name="session">On a Mac, who is logged in at the GUI: the agent loads only into its user's session.</param>
    public FirstDeployStep(
        FirstDeployConfig config, AgentConfig agent, string? envFile, HostPlatform platform, ImmutableArray<string> dependsOn,
        HostPaths paths, IGit git, IServiceManager services, IFileOwnership ownership, ILoginWindow? session = null, AgentLoginHint? login = null)
    {
        _session = session;
        _login = login ?? new AgentLoginHint(agent.User, ByAutologin: true);
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
            // gui/<uid> comes with the agent's login, which autologin brings at a boot.
            WaitsEndWithABoot = session is not null,
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
        if (await SessionProblemAsync(cancellationToken) is { } notLoggedIn)
        {
            context.Logger.LogInformation("first-deploy: release {Sha} is in place; {Problem}", _config.Sha, notLoggedIn);
            return NoSessionYet(definition, notLoggedIn);
        }

        WriteDefinition(definition);
        try
        {
            await LoadServiceAsync(definition, context.Logger, cancellationToken);
        }
        catch (ServiceManagerException ex) when (ex.IsNoGuiSession)
        {
            // The console showed the user, but launchd had no Aqua session for it yet (a login still under way).
            context.Logger.LogInformation("first-deploy: {Problem}", ex.Message);
            return NoSessionYet(definition, ex.Message);
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

        if (await SessionProblemAsync(cancellationToken) is { } notLoggedIn)
        {
            return notLoggedIn;
        }

        try
        {
            return await _services.GetStatusAsync(_config.AgentLabel, cancellationToken) is null
                ? $"{_config.AgentLabel} is not loaded"
                : null;
        }
        catch (ServiceManagerException ex) when (ex.IsNoGuiSession)
        {
            // The login is still under way (or the user just logged out): a problem to wait on, not a failed try.
            return ex.Message;
        }
    }

    private ApplyResult.WaitUntil NoSessionYet(ServiceDefinitionFile definition, string problem) => new(
        $"the release is in place; {definition.Path} is written and loaded into {_agent.User}'s GUI session "
        + $"(launchctl bootstrap gui/<uid of {_agent.User}>) once {_agent.User} is logged in at the console, and {problem}. "
        + _login.WhatHappensNext(Id),
        SessionRetryAfter);

    // Null when the agent's service domain is there: always on Linux; on a Mac once its user owns the console.
    private async Task<string?> SessionProblemAsync(CancellationToken cancellationToken)
    {
        if (_session is null)
        {
            return null;
        }

        var console = await _session.GetConsoleUserAsync(cancellationToken);
        return console == _agent.User ? null : $"{_agent.User} is not logged in at the GUI (the console belongs to {console})";
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

    private void WriteDefinition(ServiceDefinitionFile definition)
    {
        if (_platform == HostPlatform.MacOs)
        {
            var logDirPath = AgentServiceDefinition.LogDirPath(_paths);
            Directory.CreateDirectory(logDirPath);
            _ownership.GiveToUser(logDirPath, _agent.User);
        }

        var dirPath = Path.GetDirectoryName(definition.Path)!;
        if (!DefinitionIsWritten(definition))
        {
            Directory.CreateDirectory(dirPath);
            DurableFile.WriteAtomically(definition.Path, definition.Content, DefinitionMode);
        }

        if (_platform == HostPlatform.MacOs)
        {
            // A LaunchAgent in ~/Library/LaunchAgents belongs to its user (launchd refuses one others may write). Given
            // on every pass, not only after a write: a crash between the write and the chown must not leave it root's.
            _ownership.GiveToUser(dirPath, _agent.User);
            _ownership.GiveToUser(definition.Path, _agent.User);
        }
    }

    private async Task LoadServiceAsync(ServiceDefinitionFile definition, ILogger logger, CancellationToken cancellationToken)
    {
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
