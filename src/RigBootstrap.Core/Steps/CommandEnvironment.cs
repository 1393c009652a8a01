using System.Collections.Immutable;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Steps;

/// <summary>
/// The environment command steps run in: a fixed PATH (a daemon's PATH is minimal), and RIG_HOST_ROOT, empty on a
/// real host and the simulated root otherwise, so the same config rehearses on a simulated Mac.
/// </summary>
public sealed record CommandEnvironment
{
    public const string DaemonPath = "/usr/bin:/bin:/usr/sbin:/sbin:/usr/local/bin:/opt/homebrew/bin";

    public required HostPaths Paths { get; init; }

    public required string AgentUser { get; init; }

    public required string AgentHome { get; init; }

    /// <summary>Commands marked asUser run as the agent user on a real host; a simulation runs them as itself.</summary>
    public string? AgentUserOnRealHost => Paths.IsRealRoot ? AgentUser : null;

    public string WorkingDirPath => Paths.RootDirPath;

    public ImmutableDictionary<string, string?> For(string stepId, bool asUser)
    {
        var environment = Base(stepId);
        // The process runner switches uid/gid only; a tool run as the agent user needs its HOME and USER too.
        return asUser && AgentUserOnRealHost is { } user
            ? environment.SetItem("HOME", AgentHome).SetItem("USER", user).SetItem("LOGNAME", user)
            : environment;
    }

    private ImmutableDictionary<string, string?> Base(string stepId) => ImmutableDictionary<string, string?>.Empty
        .Add("PATH", DaemonPath)
        .Add("RIG_HOST_ROOT", Paths.IsRealRoot ? "" : Paths.RootDirPath)
        .Add("RIG_STEP_ID", stepId)
        .Add("RIG_AGENT_USER", AgentUser)
        .Add("RIG_AGENT_HOME", Paths.Resolve(AgentHome));
}
