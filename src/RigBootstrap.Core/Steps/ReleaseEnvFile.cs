using RigBootstrap.Core.Secrets;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// The secrets step's env file seen from a deploy. When it lies under `~/.rig/current` (docs/design.md §8's example puts
/// it at `~/.rig/current/env`), switching the link would hide it, so it is carried into the new release, 0600 and
/// owned by the agent user, before the switch: the configured path then still reads the same file, and the secrets
/// step keeps writing there. An env file outside `current` is left where it is.
/// </summary>
public sealed class ReleaseEnvFile
{
    private readonly AgentLayout _layout;
    private readonly string? _relativeToCurrent;

    /// <param name="envFilePath">The env file resolved under the host root; null when no secrets step is configured.</param>
    public ReleaseEnvFile(AgentLayout layout, string? envFilePath)
    {
        _layout = layout;
        FilePath = envFilePath;
        var currentPrefix = layout.CurrentPath + "/";
        _relativeToCurrent = envFilePath is not null && envFilePath.StartsWith(currentPrefix, StringComparison.Ordinal)
            ? envFilePath[currentPrefix.Length..]
            : null;
    }

    /// <summary>The env file as the agent reads it (through `current` where it lies there).</summary>
    public string? FilePath { get; }

    /// <summary>Puts the env file into the release of <paramref name="sha"/>; null when done, else what is wrong and the fix.</summary>
    public string? CarryInto(string sha, string agentUser, IFileOwnership ownership)
    {
        if (_relativeToCurrent is null || FilePath is null)
        {
            return null;
        }

        var destinationPath = Path.Join(_layout.ReleaseDirPath(sha), _relativeToCurrent);
        if (CurrentReleaseLink.PointsAt(_layout, sha))
        {
            // `current` is this release already: the configured path is the destination.
            return File.Exists(destinationPath) ? null : MissingProblem();
        }

        // A crash after the old `current` directory was moved aside leaves the file there, and the copy made before.
        var sourcePath = File.Exists(FilePath) ? FilePath : Path.Join(_layout.ReplacedCurrentPath, _relativeToCurrent);
        if (File.Exists(sourcePath))
        {
            PrivateDirectories.CreateParentsOf(destinationPath, agentUser, ownership);
            SecretFile.WriteAtomically(destinationPath, File.ReadAllText(sourcePath));
            ownership.GiveToUser(destinationPath, agentUser);
            return null;
        }

        return File.Exists(destinationPath) ? null : MissingProblem();
    }

    private string MissingProblem() =>
        $"the env file {FilePath} is missing; the secrets step writes it: run `rig-bootstrap reset secrets`, then retry first-deploy";
}
