using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// Where the fleet agent lives under its user's home: `~/.rig/releases/&lt;sha&gt;` (one checkout per commit),
/// `~/.rig/current` (a symlink to one of them, switched atomically) and `~/.rig/manifest.json`. The program is
/// `~/.rig/current/bin/rig-deploy`, reached through the symlink, so a later deploy switches what launchd starts
/// without a new plist.
/// </summary>
public sealed record AgentLayout
{
    public AgentLayout(HostPaths paths, string agentHome)
    {
        HomeDirPath = paths.Resolve(agentHome);
        RigDirPath = Path.Join(HomeDirPath, ".rig");
    }

    public string HomeDirPath { get; }

    public string RigDirPath { get; }

    public string ReleasesDirPath => Path.Join(RigDirPath, "releases");

    public string CurrentPath => Path.Join(RigDirPath, "current");

    /// <summary>The link made first and renamed over <see cref="CurrentPath"/>, so `current` never goes missing.</summary>
    public string NextCurrentPath => CurrentPath + ".new";

    /// <summary>Where a plain `current` directory (made by the secrets step for its env file) is moved before the switch.</summary>
    public string ReplacedCurrentPath => CurrentPath + ".replaced";

    public string ManifestPath => Path.Join(RigDirPath, "manifest.json");

    public string ProgramPath => Path.Join(CurrentPath, "bin", "rig-deploy");

    /// <summary>
    /// The agent's LaunchAgent plist, `~/Library/LaunchAgents/&lt;label&gt;.plist`. launchd(8) FILES: that directory
    /// holds "per-user agents provided by the user", loaded at that user's login only, while /Library/LaunchAgents
    /// holds agents loaded for every user who logs in (an administrator at the console would run a second copy).
    /// </summary>
    public string LaunchAgentPlistPath(string label) => Path.Join(HomeDirPath, "Library", "LaunchAgents", label + ".plist");

    public string ReleaseDirPath(string sha) => Path.Join(ReleasesDirPath, sha);

    /// <summary>A clone is made here and renamed to its release directory when complete, so a release directory is never half a clone.</summary>
    public string StagingDirPath(string sha) => Path.Join(ReleasesDirPath, "." + sha + ".partial");

    /// <summary>The target written into the `current` link: relative, so it reads the same under a host root.</summary>
    public static string LinkTargetFor(string sha) => Path.Join("releases", sha);
}
