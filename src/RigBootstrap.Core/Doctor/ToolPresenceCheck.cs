using System.Collections.Immutable;
using RigBootstrap.Core.Config;
using RigBootstrap.Core.Host;

namespace RigBootstrap.Core.Doctor;

/// <summary>
/// Every tool this host needs is present and executable at the absolute path the tool table gives it (a root
/// daemon never searches PATH, docs/design.md §6). A tool the daemon itself needs is a Problem when missing; a tool only
/// some steps use is a Problem when the config uses such a step, and a Warning when there is no config to tell.
/// A Mac's git is not here: `/usr/bin/git` is a shim on every Mac (<see cref="CommandLineToolsCheck"/> looks at the real one).
/// </summary>
public sealed class ToolPresenceCheck : IDoctorCheck
{
    /// <summary>Stands for rig-bootstrap itself among a tool's users: boot id, reboot, its own launchd job.</summary>
    public const string Daemon = "rig-bootstrap itself";

    /// <summary>Stands for the config's generic `commands` among a tool's users.</summary>
    public const string Commands = "the config's commands";

    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    // Who uses which tool, after docs/design.md §4; an immutable lookup table.
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> MacOsUsers = new Dictionary<string, ImmutableArray<string>>
    {
        [ToolNames.Launchctl] = [Daemon],
        [ToolNames.Sysctl] = [Daemon],
        [ToolNames.Shutdown] = [Daemon],
        [ToolNames.Security] = [BuiltInStepIds.Keychain],
        // security runs in the agent's session: launchctl asuser <uid of id -u> sudo -H -u <user> security (docs/agent-session.md).
        [ToolNames.Sudo] = [BuiltInStepIds.Keychain],
        [ToolNames.Sysadminctl] = [BuiltInStepIds.Autologin],
        [ToolNames.Defaults] = [BuiltInStepIds.Autologin],
        [ToolNames.Dscl] = [BuiltInStepIds.Autologin, BuiltInStepIds.OsUpgrade],
        [ToolNames.Diskutil] = [BuiltInStepIds.OsUpgrade],
        [ToolNames.Profiles] = [BuiltInStepIds.OsUpgrade, BuiltInStepIds.Tcc],
        [ToolNames.Fdesetup] = [BuiltInStepIds.Autologin],
        [ToolNames.Softwareupdate] = [BuiltInStepIds.OsUpgrade, BuiltInStepIds.CommandLineTools],
        [ToolNames.SwVers] = [BuiltInStepIds.OsUpgrade],
        [ToolNames.Xcodes] = [BuiltInStepIds.Xcode],
        [ToolNames.Xcodebuild] = [BuiltInStepIds.Xcode],
        [ToolNames.XcodeSelect] = [BuiltInStepIds.Xcode, BuiltInStepIds.CommandLineTools],
        [ToolNames.Sqlite3] = [BuiltInStepIds.Tcc],
        [ToolNames.Plutil] = [BuiltInStepIds.Tcc],
        [ToolNames.Id] = [BuiltInStepIds.Keychain, BuiltInStepIds.FirstDeploy, Commands],
        [ToolNames.Sh] = [Commands],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, ImmutableArray<string>> LinuxUsers = new Dictionary<string, ImmutableArray<string>>
    {
        [ToolNames.Systemctl] = [Daemon],
        [ToolNames.Git] = [BuiltInStepIds.FirstDeploy],
        [ToolNames.Id] = [Commands],
        [ToolNames.Sh] = [Commands],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    // Hints that work as root: Homebrew refuses to run as root, so none says `brew install`.
    private static readonly ImmutableDictionary<string, string> InstallHints = new Dictionary<string, string>
    {
        [ToolNames.Xcodes] = "a signed release from https://github.com/XcodesOrg/xcodes/releases",
        [ToolNames.Git] = "`apt-get install git`",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private readonly ToolTable _tools;
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _users;
    private readonly ImmutableHashSet<string>? _configured;

    public ToolPresenceCheck(ToolTable tools, bool isMacOS, BootstrapConfig? config)
    {
        _tools = tools;
        _users = isMacOS ? MacOsUsers : LinuxUsers;
        _configured = config is null ? null : UsersIn(config);
    }

    public string Name => "tools";

    public Task<ImmutableArray<DoctorFinding>> RunAsync(CancellationToken cancellationToken)
    {
        var findings = ImmutableArray.CreateBuilder<DoctorFinding>();
        var present = 0;
        foreach (var (tool, users) in _users.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            var needed = users.Contains(Daemon) || (_configured?.Overlaps(users) ?? false);
            if (_configured is not null && !needed)
            {
                continue;
            }

            var path = _tools.PathOf(tool);
            var problem = !File.Exists(path) ? "is missing"
                : (File.GetUnixFileMode(path) & AnyExecute) == 0 ? "is not executable"
                : null;
            if (problem is null)
            {
                present++;
                continue;
            }

            var message = $"{tool} {problem} at {path}; needed by {string.Join(" and ", users.Select(u => u is Daemon or Commands ? u : $"the {u} step"))}";
            var fix = problem == "is not executable" ? $"`chmod 0755 {path}`"
                : $"install it at {path}{(InstallHints.TryGetValue(tool, out var hint) ? $" ({hint})" : "")}, or set `tools.{tool}` in the config to where it is";
            findings.Add(needed ? DoctorFinding.Problem(Name, message, fix) : DoctorFinding.Warning(Name, message + " (only a config with those steps needs it)", fix));
        }

        findings.Insert(0, DoctorFinding.Ok(Name, $"{present} tool(s) present and executable at their absolute paths" + (_configured is null ? "" : " (the ones this config needs)")));
        return Task.FromResult(findings.ToImmutable());
    }

    private static ImmutableHashSet<string> UsersIn(BootstrapConfig config)
    {
        var steps = config.Steps;
        var configured = new (object? Section, string Id)[]
        {
            (steps.AgeKey, BuiltInStepIds.AgeKey), (steps.Secrets, BuiltInStepIds.Secrets), (steps.Keychain, BuiltInStepIds.Keychain),
            (steps.CommandLineTools, BuiltInStepIds.CommandLineTools),
            (steps.Xcode, BuiltInStepIds.Xcode), (steps.Autologin, BuiltInStepIds.Autologin), (steps.FirstDeploy, BuiltInStepIds.FirstDeploy),
            (steps.Tcc, BuiltInStepIds.Tcc), (steps.OsUpgrade, BuiltInStepIds.OsUpgrade), (steps.Handoff, BuiltInStepIds.Handoff),
        };
        var users = configured.Where(c => c.Section is not null).Select(c => c.Id).ToImmutableHashSet(StringComparer.Ordinal);
        return config.Commands.IsDefaultOrEmpty ? users : users.Add(Commands);
    }
}
